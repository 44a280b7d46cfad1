# `glocal check` のテキスト：エラー行、注記、レポートの見出し、サマリー行、
# 各ルールのヘルプ。変数はプログラムが埋めます。フラグ名 (--source)、ルール ID
# (missing-message)、ファイル名、プレースホルダー {"{"}locale{"}"} は
# どの言語でもそのままにします。

## エラー行（終了コード 2）。エラーの接頭辞の後に表示されます。

# $flag (String) - コマンドラインのフラグ（--source など）
# $path (String) - 指定されたパス
check-not-a-directory = { $flag } { $path }：そのようなディレクトリはありません
check-cannot-read = { $path } を読み込めません：{ $error }
check-history-bad-line = { $path }:{ $line }：カバー率のスナップショットではありません：{ $error }
check-not-utf8 = { $path } は UTF-8 テキストではありません。Fluent ファイルは UTF-8 である必要があります
# ロケールツリーのフォルダーに、シンボリックリンクをたどったときに glocal がたどるより多くのフォルダーがあります。
# $path (String) - たどったフォルダー。$max (Number) - 1 つのフォルダーの下でたどるフォルダーの最大数
check-too-many-folders = { $path } には（シンボリックリンクをたどると）{ $max } を超えるフォルダーがあります。シンボリックリンクがロケールツリーの外を指していませんか？
# $format (String) - レポートの形式（SARIF、JSON など）
check-cannot-write = { $format } レポートを { $path } に書き込めません：{ $error }
check-no-mode = チェック対象を指定してください：--source DIR --l10n DIR（lint モード）、--plan PLAN（plan モード）、または --server URL --roadmap NAME（server モード）
# $first, $second (String) - 異なるモードを選択する 2 つのフラグ
check-two-modes = { $first } と { $second } は異なるモードを選択します。--source/--l10n、--plan、--server のいずれか 1 つを使用してください
check-lint-needs-both = lint モードには --source DIR と --l10n DIR の両方が必要です。{ $missing } が指定されていません
# $modes (String) - モード（「plan モードと server モード」など）
check-flag-needs-mode = { $flag } は { $modes }でのみ使用できます
check-modes-plan-and-server = plan モードと server モード
check-modes-server = server モード
check-modes-plan = plan モード
check-server-needs-roadmap = --server には --roadmap products/PRODUCT/roadmaps/ROADMAP が必要です
# $why (String) - 値が正しくない理由（プログラムが出力、英語）
check-bad-locale = { $flag } { $value }：{ $why }
check-bad-date = --as-of { $value }：{ $why }
check-bad-min-coverage = { $why }（80 のような百分率、または fr=95 のような LOCALE=PERCENT を指定してください）
check-percent-out-of-range = 百分率は 0 から 100 までの数値で指定してください
# $what (String) - ロケール、または check-min-coverage-default のテキスト
check-min-coverage-twice = --min-coverage の指定が重複しています：{ $what }
check-min-coverage-default = デフォルトの最小値
check-bad-roadmap-name = --roadmap { $value }：{ $why }（server モードでは完全な名前 products/PRODUCT/roadmaps/ROADMAP が必要です）
check-bad-lang = --lang { $value }：glocal にはこの言語のテキストがありません。利用できる言語：{ $available }
# $position (String) - ファイル:行:列
# $more (Number) - ファイルにある残りの問題の数
check-bad-plan =
    { $more ->
        [0] { $position }：{ $message }
       *[other] { $position }：{ $message }（ほかに { $more } 件の問題があります）
    }
check-plan-without-fluent = { $plan }：プランに Fluent ファイルの場所が指定されていません。directory と layout を含む [product.fluent] テーブルを追加してください（例：directory = "locales", layout = "{"{"}locale{"}"}/**/*.ftl"）
check-bad-layout = { $plan }：[product.fluent] の layout「{ $layout }」：{ $why }
check-layout-needs-locale-folder = {"{"}locale{"}"} は「{"{"}locale{"}"}/**/*.ftl」のように、フォルダー名全体でなければなりません
check-layout-plain-prefix = {"{"}locale{"}"} より前のフォルダーは単純な名前でなければなりません
check-layout-needs-ftl = {"{"}locale{"}"}/ の後のパターンは「{"{"}locale{"}"}/**/*.ftl」のように .ftl ファイルを指定する必要があります
check-layout-bad-glob = {"{"}locale{"}"}/ の後のパターンは有効な glob ではありません：{ $why }
check-no-source-folder = { $dir } の下にソースロケール { $locale } のフォルダーがありません
check-plan-has-no-roadmap = { $plan }：--roadmap { $roadmap }：プランにロードマップがありません
# $known (String) - プランのロードマップ ID（カンマ区切り）
check-unknown-roadmap = { $plan }：--roadmap { $roadmap }：プランにそのようなロードマップはありません（プランのロードマップ：{ $known }）
check-bad-baseline = --baseline { $path }：{ $why }
check-baseline-not-a-report = glocal check --json で書き出された JSON レポートではありません（{ $why }）
# $found, $supported (Number) - スキーマのバージョン
check-baseline-schema = このレポートは schema_version { $found } です。この glocal が読み込めるのは schema_version { $supported } 以前です
# $why (String) - 値の問題点（プログラムが出力、英語）
check-bad-market-window = { $why }（jp=30 のように MARKET=DAYS の形式で指定してください）
check-market-window-twice = --market-window で { $market } が 2 回指定されています
check-market-window-no-equals = 「{ $value }」に「=」がありません
check-market-window-not-days = 「{ $value }」は日数ではありません
check-push-failed = --push { $dir }：アップロードに失敗しました（上記参照）。何もチェックしていません

## 注記。レポートとともに表示され、JSON レポートにも保存されます。

check-skipped-source-folder = { $folder }/ をスキップしました：ソースフォルダーです
check-skipped-not-locale = { $folder }/ をスキップしました：ロケールフォルダーではありません（{ $why }）
check-skipped-same-locale = { $folder }/ をスキップしました：{ $first }/ と同じロケールです
# --l10n のフォルダーが、どこも指していない（または自分自身を指す）シンボリックリンクです。
# $folder (String) - リンクの名前。$error (String) - システムが示す理由
check-skipped-broken-link = { $folder }/ をスキップしました：どこも指していないシンボリックリンクです（{ $error }）
check-nothing-to-translate = { $source } に Fluent メッセージがありません：翻訳するものはありません
check-no-locale-folders = { $dir } の下にロケールフォルダーがありません：比較するものはありません
check-html-plan-only = --html はプランのダッシュボードページを書き出します。--plan と一緒に使ってください（サーバーは自身のダッシュボードを提供します：glocal serve --http-listen）
# $plan (String) - プランファイル、$known (String) - そのロードマップ（カンマ区切り）
check-html-needs-roadmap = { $plan } には複数のロードマップ（{ $known }）があります：--html で表示するものを --roadmap で指定してください
check-plan-without-roadmaps = { $plan } にロードマップがありません：チェックするものはありません
check-requested-locale-missing = --locale { $locale }：フォルダーがありません。欠落しているロケールとして報告します
check-threshold-locale-unchecked = --min-coverage { $locale }=... に一致するチェック済みのロケールがありません：カバー率 0% として扱います
check-market-window-unused = --market-window { $market }=...：確認したロードマップのローンチにこの市場のものはないため、このウィンドウは何も変えません

# $kept, $total (Number) - 出力した結果の数、見つかった結果の数
check-sarif-truncated = SARIF レポートには { $total } 件中 { $kept } 件の結果を重大度の高い順に収録しています（--sarif-max-results）。JSON レポートにはすべて含まれています

## テキストレポート。

# $mode (String) - lint、plan、server のいずれか
# $locales (Number) - チェックしたロケールの数
check-text-title = glocal check（{ $mode }）：{ $locales } 個のロケールを { $source } と比較
# $verdict (String) - READY、AT_RISK、BLOCKED のいずれか
check-roadmap-line = ロードマップ { $name }（{ $date } 時点）：{ $verdict }
# $when (String) - check-days のテキスト
check-launch-line = { $market } の { $launch }（{ $date }、{ $when }）：{ $verdict }
check-forecast-on-track = 予測 ON_TRACK{ $eta ->
    [none] {""}
   *[other] {""}、完了予定 { $eta }
}
check-forecast-late = 予測 LATE（{ $days } 日遅れ、完了予定 { $eta }）
check-forecast-no-data = 予測 NO_DATA（{ $bundles } の進捗が記録されていません）
# $days (Number) - その日までの日数。過ぎている場合は負の値
check-days =
    { $days ->
        [0] 今日
       *[other] { $days } 日後
    }
# $days (Number) - その日からの経過日数
check-days-ago = { $days } 日前
check-market-heading = 市場 { $market }
check-no-market-heading = ロードマップ
check-locale-served-by = { $locale }（{ $bundle } で提供）
# ローンチのブロックを解除するものを示すテキストレポートのブロック。
check-todo-heading = 翻訳が必要なもの（期限順）：
check-todo-line = 期限 { $due }：{ $launch } の { $locale }、{ $messages } メッセージ（{ $words } 語）
check-todo-blocks = 本日ブロック中
check-tasks-heading = 翻訳タスク（緊急度順）：
check-task-line =
    { $rank }. { $locale }{ $new ->
        [yes] {" "}（新しいバンドル）
       *[no] {""}
    }：{ $messages } メッセージ（{ $words } 語）、期限 { $due }、スコア { $score }
check-task-eta = 1 日 { $speed } 語のペースで { $eta } に完了
check-task-launch =
    { $launch } 向け（{ $locales }、重み { $weight }{ $laws ->
        [none] {""}
       *[other] 、法令：{ $laws }
    }）
check-markdown-tasks = 翻訳タスク（緊急度順）
check-column-rank = #
check-column-bundle = バンドル
check-column-score = スコア
check-column-unblocks = 解除するローンチ
check-task-new-bundle = 新規
check-task-law = 法令
# $percent (String) - check-percent のテキスト
check-locale-stats = { $translated }/{ $total } メッセージ（{ $percent }）、{ $translatedWords }/{ $totalWords } 語
check-not-served = 提供するバンドルがありません
# $value (String) - 小数点以下 1 桁の数値（84.6 など）
check-percent = { $value }%
check-threshold-failed = { $place }：カバー率 { $percent } が最小値 { $minimum } を下回っています
check-threshold-place = { $market } の { $locale }
check-baselined-mark = （ベースライン登録済み）
check-count-errors = エラー { $count } 件
check-count-warnings = 警告 { $count } 件
check-count-notes = 注記 { $count } 件
check-count-baselined = ベースライン登録済み { $count } 件
check-list-separator = {"、"}
check-clause-separator = {"。"}
check-note-line = 注記：{ $note }
check-locale-line = { $locale }：{ $stats }
check-decimal-separator = {"."}
check-summary-passed = 合格：{ $locales } 個のロケールでブロッキング要因はありません（{ $counts }）
check-summary-failed = 不合格：{ $locales } 個のロケールでブロッキング検出結果 { $blocking } 件（{ $counts }）
check-summary-below-minimum = { $locales } 個のロケールが最小カバー率を下回っています

## Markdown レポート（プルリクエストのコメントまたはジョブのサマリー）。

check-markdown-passed = glocal check：✅ 合格
check-markdown-failed = glocal check：❌ ブロッキング検出結果 { $blocking } 件
check-column-market = 市場
check-column-locale = ロケール
check-column-messages = メッセージ数
check-column-words = 単語数
check-column-coverage = カバー率
check-column-errors = エラー
check-column-warnings = 警告
check-column-launch = ローンチ
check-column-date = 日付
check-column-days = 日数
check-column-verdict = 判定
check-column-where = 場所
check-column-rule = ルール
check-column-message = メッセージ
check-column-detail = 詳細
check-markdown-findings-all = 検出結果（{ $total } 件）
check-markdown-findings-top = 主な検出結果（{ $total } 件中 { $shown } 件）
check-markdown-launches = ローンチ
check-markdown-todo = ローンチのブロックを解除するもの
check-column-due = 期限
check-markdown-coverage = カバー率
check-markdown-notes = 注記
check-markdown-findings-left-out = …ほかに { $count } 件の検出結果がありますが、プルリクエストのコメントに収めるため省略しました。JSON、SARIF、JUnit の各レポートにはすべて含まれています。
check-markdown-rows-left-out = …ほかに { $count } 行ありますが、プルリクエストのコメントに収めるため省略しました。

## JUnit XML と GitHub のアノテーション。

check-junit-suite-locales = ロケール
check-junit-suite-roadmap = ロードマップ
check-junit-blocking = ブロッキング検出結果 { $count } 件
check-junit-below-minimum = カバー率が最小値未満

## ルール：1 行の概要とヘルプテキスト（SARIF、GitHub）。

rule-min-coverage = ロケールのカバー率が最小値を下回っています。
    .help = ロケールが完全に翻訳しているソースメッセージの割合（plan モードと server モードでは、フォールバックを含め、その市場に必要なメッセージに対する割合）が、--min-coverage で設定した最小値を下回っています。不足しているメッセージを翻訳するか、最小値を下げてください。
rule-missing-locale = 必要なロケールを提供するバンドルがありません。
    .help = ロケールに Fluent ファイルがまったくないか（lint モード）、マッチポリシーに従ってロケールを満たすバンドルがありません（plan モードと server モード）。必要なメッセージはすべて欠落しています。翻訳を含むロケールのフォルダーを追加してください。
rule-missing-message = ソースのメッセージまたは用語が翻訳されていません。
    .help = ソースではメッセージ（または用語）が定義されていますが、ロケールでは定義されていません。検出結果にはソースファイルが示されます。翻訳はロケール側の同じパスのファイルに追加してください。
rule-missing-value = 翻訳には属性しかありませんが、ソースには値があります。
    .help = ソースのメッセージには値がありますが、ロケールのメッセージには属性しかないため、メッセージを書式化するコードは何も得られません。値を翻訳してください。
rule-missing-attribute = ソースの属性が翻訳されていません。
    .help = ソースのメッセージには属性（`id.attr`）がありますが、ロケールのメッセージにはありません。翻訳に属性を追加してください。
rule-obsolete-message = ソースにもう存在しないメッセージがロケールで定義されています。
    .help = メッセージ（または用語）がソースにありません。ソースで削除されたか、名前が変更されています。ロケールから削除するか、名前を変更してください。
rule-duplicate-id = ID が 2 回定義されています。
    .help = ロケールで ID が 2 回定義されています（1 つのファイル内で、またはバンドルの 2 つのファイルにまたがって）。Fluent は最初の定義を使用し、もう一方は無視します。どちらか 1 つにしてください。
rule-syntax-error = ファイルの一部が正しい Fluent ではありません。
    .help = Fluent パーサーが、示された位置でファイルの一部を拒否しました。そこにあるエントリーは失われます。構文を修正してください。
rule-unknown-variable = ソースが渡さない変数が翻訳で使われています。
    .help = 翻訳で使われている `$variable` はソースのメッセージのどこにも使われていないため、コードから渡されることはなく、読み手にはエラーマーカーが表示されます。ソースの変数を使用してください。
rule-dropped-variable = ソースで表示される変数が翻訳で省かれています。
    .help = ソースで表示される `$variable` が、翻訳のいずれかのバリアントで表示されていません。特定の数値の複数形バリアント（`[one]`）や、複数形が 1 つしかない言語では数を省略できますが、それ以外の場合は表示してください。
rule-unresolved-reference = メッセージまたは用語の参照先が見つかりません。
    .help = 翻訳が、ロケールにもソースにも定義されていないメッセージまたは用語（またはその属性）を参照しています。参照を修正するか、エントリーを追加してください。
rule-missing-plural-category = 複数形の選択に、言語が必要とするカテゴリーがありません。
    .help = 翻訳の数値による選択に、ロケールの言語の CLDR 複数形カテゴリー（ポーランド語の `few` や `many` など）が欠けているため、一部の数値でデフォルトのバリアントが使われます。バリアントを追加してください。
rule-identical-to-source = 翻訳がソースのテキストと同じです。
    .help = 翻訳されたテキストがソースと同一で、おそらく未翻訳のままです。翻訳するか、--identical-allowed ID でコピーを許可してください。
rule-unknown-message = ソースで定義されていないメッセージがロードマップで指定されています。
    .help = ロードマップの項目で指定された ID、パターン、またはファイルが、ソースバンドル内のどれにも一致しません。ソースにメッセージを追加するか、ロードマップを修正してください。
rule-fallback-used = ロケールがフォールバックチェーン上の別のバンドルで提供されています。
    .help = 必要なロケールに専用のバンドルがないため、CLDR フォールバックチェーン上の別のバンドル（`fr-CA` に対する `fr` など）が提供しています。これは注記であり、問題ではありません。

check-modes-lint = lint モード
check-modes-lint-and-plan = lint モードと plan モード
rule-unknown-feature = ロードマップのどの項目にもない機能がバリアントに含まれています。
    .help = バリアントの機能はロードマップの項目を指します。どの項目も指さない機能は何も要求しないため、入力ミスの可能性が高いです。バリアントの機能を修正するか、ロードマップに項目を追加してください。
check-folder-read-as = { $folder }/ は BCP 47 のロケールタグではありません。{ $folder } として報告し、{ $tag } の CLDR データで検査します

## server モード：--product と組み合わせた ID によるロードマップ指定。

check-server-bad-product = --product { $value }：{ $why }
check-server-product-mismatch = --roadmap { $roadmap } は --product { $product } のロードマップではありません。どちらか一方を指定するか、両者を一致させてください
check-server-roadmap-needs-product = --roadmap { $value } はロードマップ ID です。--product PRODUCT で製品を指定するか、完全な名前 products/PRODUCT/roadmaps/{ $value } を指定してください
check-server-bad-roadmap-id = --roadmap { $value }：{ $why }

## 本日ブロッキング要因はないが、AT_RISK のローンチがあるときの見出し。

check-summary-at-risk-launches = AT_RISK のローンチ { $launches } 件、最初の期限 { $date }
check-summary-at-risk = 本日ブロッキング要因はありません：{ $risk }（{ $locales } 個のロケール、{ $counts }）
check-markdown-at-risk = glocal check：⚠️ 本日ブロッキング要因はありません：{ $risk }

rule-unused-waiver = ロードマップの免除がどのローンチのギャップにも該当しません。
    .help = 免除は要件によるギャップを許容します。何も許容しない免除は古いか、誤った要件を指しています。免除を削除するか、要件を修正してください。
# $reasons (String) - check-reason-* のテキスト（カンマ区切り）、$due (String) - YYYY-MM-DD
check-why = — { $reasons }、期限 { $due }
# $market (String) - マーケット名
check-reason-storefront-default = { $market } のストアの既定ロケール
# $launch (String) - ローンチ名
check-reason-launch-locale = ローンチ { $launch } で提供
# $requirement (String) - 要件の概要
check-reason-requirement = { $requirement } による要求
# $requirement (String) - 要件の概要、$reference (String) - 法的根拠
check-reason-requirement-legal = { $requirement }（{ $reference }）による要求
# $item (String) - ロードマップ項目の ID
check-reason-roadmap-item = ロードマップ項目 { $item }
# $variant (String) - バリアント名
check-reason-variant = バリアント { $variant } による要求

## glocal handoff

handoff-no-output = 引き渡しの書き込み先を指定してください：--xliff DIR、--csv DIR、--ftl DIR のいずれか
handoff-cannot-export = { $roadmap } の引き渡しをエクスポートできません
handoff-written = 引き渡しファイルを { $files } 件書き込みました
handoff-no-source-folder = チェックにはメッセージを読み込むソースフォルダーがありません
handoff-import-refused = 翻訳ファイルに { $count } 件の問題があります。何も書き込まれていません
handoff-bad-path = { $file }：{ $path } はロケールツリーの Fluent ファイルパスではありません。何も書き込まれていません
handoff-imported = { $messages } メッセージを { $files } ファイルにインポートしました
handoff-cannot-write = { $path } を書き込めません：{ $error }

## glocal pseudo

pseudo-needs-out = フォルダーには疑似ローカライズしたコピーの書き込み先 --out DIR が必要です
pseudo-written = { $transform } のファイルを { $files } 件 { $out } に書き込みました
