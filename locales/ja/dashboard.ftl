# glocal のダッシュボード（glocal serve --http-listen、glocal check --html）。

## 書式

# $year, $month, $day (String) - 年、および 2 桁の月と日
dashboard-date = { $year }年{ $month }月{ $day }日
# $value (String) - 小数点以下 1 桁の数値
dashboard-percent = { $value }%

## ページの枠

dashboard-app-name = glocal ダッシュボード
dashboard-skip = コンテンツへスキップ
dashboard-nav-products = すべての製品
dashboard-logout = サインアウト
dashboard-language = 言語
# $date (String) - 日付、$source (String) - プランファイル
dashboard-static-note = { $date } に glocal check が { $source } から書き出しました。ライブのダッシュボードは glocal serve --http-listen で開けます。

## 製品

dashboard-products-title = 製品
dashboard-products-empty = まだ製品がありません。次のコマンドでプランをインポートしてください：glocal import PLAN.toml
dashboard-col-product = 製品
dashboard-col-source-locale = ソースロケール
dashboard-col-display-name = 表示名

## 製品ページ

# $product (String) - 製品の表示名
dashboard-product-title = { $product }：ローカライズの準備状況
dashboard-controls = チェックの設定
dashboard-controls-roadmap = ロードマップ
dashboard-controls-as-of = 基準日
dashboard-controls-window = 必要日の前のウィンドウ（日数）
dashboard-controls-apply = チェック
dashboard-no-roadmap = この製品にはまだロードマップがないため、チェックするものはありません。
dashboard-verdict-label = ロードマップの判定
dashboard-verdict-ready = 準備完了
dashboard-verdict-at-risk = リスクあり
dashboard-verdict-blocked = ブロック中
# $date (String) - チェックの基準日、$days (Number) - ウィンドウ
dashboard-checked-as-of = { $date } 時点でチェックしました。各必要日の前に { $days } 日間のウィンドウを設けています。

## ヒートマップ

dashboard-heatmap-title = ローンチ別・ロケール別のカバー率
dashboard-heatmap-intro = 各セルは、ローンチが必要とするロケールを表します。必要なメッセージのうちフォールバックチェーンで完全に提供される割合と、その下にロケール自身のバンドルでの割合を示します。記号と色はローンチの判定を表します。
# $percent (String) - dashboard-percent のテキスト
dashboard-heatmap-own = 自身 { $percent }
dashboard-heatmap-optional = オプション
dashboard-heatmap-table = ヒートマップ（表形式）
dashboard-heatmap-empty = このロードマップには、まだロケールを必要とするローンチがありません。
# $locale (String)、$market (String)、$effective (String) と $own (String) - 百分率、$servedBy (String) - ロケールまたは dashboard-not-served
dashboard-cell-title = { $market } の { $locale }：完全に提供 { $effective }、自身のバンドル { $own }、提供元：{ $servedBy }。
dashboard-not-served = バンドルなし
# $reasons (String) - 理由（セミコロン区切り）
dashboard-cell-reasons = 必要な理由：{ $reasons }
dashboard-cell-optional = オプション：ローンチが出荷しないストアフロントのロケールです。

## ロケールが必要な理由

# $name (String) - 市場
dashboard-reason-storefront-default = ストアの既定ロケール（{ $name }）
# $name (String) - ローンチ
dashboard-reason-launch-locale = ローンチで提供（{ $name }）
# $name (String) - 要件、$summary (String) - その内容
dashboard-reason-requirement = { $name }：{ $summary }
# $name (String) - 要件、$summary (String) - その内容、$reference (String) - 法的根拠
dashboard-reason-law = 法令 { $name }：{ $summary }（{ $reference }）
# $name (String) - ロードマップ項目
dashboard-reason-roadmap-item = ロードマップ項目 { $name }
# $name (String) - バリアント
dashboard-reason-variant = バリアント { $name }
dashboard-obligation-mandatory = 必須
dashboard-obligation-recommended = 推奨

## 表の列

dashboard-col-launch = ローンチ
dashboard-col-market = 市場
dashboard-col-locale = ロケール
dashboard-col-date = ローンチ日
dashboard-col-verdict = 判定
dashboard-col-effective = 完全に提供
dashboard-col-own = 自身のバンドル
dashboard-col-served-by = 提供元
dashboard-col-reasons = 必要な理由
dashboard-col-need-date = 必要日
dashboard-col-due = 期限
dashboard-col-forecast = 予測

## タイムライン

dashboard-timeline-title = ローンチのタイムライン
dashboard-timeline-intro = 各ローンチのフェーズを日付軸上に示します。必要日の前の網掛けの帯は、翻訳が欠けているとローンチがブロックされるウィンドウです。ひし形は期限、円は翻訳が完了する予測日です。
# $date (String)
dashboard-timeline-today = 今日（{ $date }）
# $phase (String) - フェーズ、$date (String)
dashboard-timeline-phase = { $phase }（{ $date } から）
# $start (String), $end (String)
dashboard-timeline-window = ウィンドウ：{ $start } から必要日 { $end } まで
# $date (String)
dashboard-timeline-due = 期限 { $date }
# $date (String)
dashboard-timeline-eta = 予測：翻訳完了 { $date }
dashboard-timeline-legend = 凡例
dashboard-timeline-legend-window = 必要日の前のウィンドウ
dashboard-timeline-legend-due = 期限
dashboard-timeline-legend-eta = 完了予測日
dashboard-phase-alpha = アルファ
dashboard-phase-beta = ベータ
dashboard-phase-ga = 一般提供
dashboard-forecast-on-track = 予定どおり
# $days (Number)
dashboard-forecast-late = { $days } 日遅れ
dashboard-forecast-no-data = 予測に必要な履歴が不足しています
dashboard-forecast-none = 予測なし

## やること

dashboard-todo-title = 優先して翻訳するもの
dashboard-todo-intro = 翻訳を受け取るべきバンドルごとに 1 つのタスクを、残り 1 日あたりに解除できるもの（ローンチの重み。法令が求める場合は法的係数を掛けたもの）の大きい順に並べています。
dashboard-todo-empty = これらのローンチで翻訳が必要なものは残っていません。
dashboard-col-rank = 順位
dashboard-col-bundle = バンドル
dashboard-col-messages = メッセージ数
dashboard-col-words = 単語数
dashboard-col-score = スコア
dashboard-col-unblocks = 解除するローンチ
dashboard-col-handoff = 引き渡し
dashboard-todo-new-bundle = 新しいバンドル
dashboard-todo-law = 法令
# $date (String)、$speed (String) - 1 日あたりの語数（小数点以下 1 桁）
dashboard-todo-eta = 1 日 { $speed } 語のペースで { $date } に完了
# $command (String)
dashboard-todo-static-hint = 翻訳者向けの引き渡しファイル：{ $command }

## 検出結果

dashboard-findings-title = 検出結果
dashboard-findings-filter = 検出結果を絞り込む
dashboard-filter-all = すべて
dashboard-filter-apply = 絞り込む
dashboard-findings-shown = 表示中の検出結果
dashboard-findings-none = 検出結果はありません。
dashboard-col-severity = 重大度
dashboard-col-rule = ルール
dashboard-col-place = 場所
dashboard-col-message = メッセージ
dashboard-col-detail = 問題点
dashboard-severity-error = エラー
dashboard-severity-warning = 警告
dashboard-severity-info = 注記
dashboard-roadmap-finding = ロードマップ

## バンドルページ

# $locale (String)、$product (String)
dashboard-bundle-title = { $product } のバンドル { $locale }
# $translated (Number)、$total (Number)、$percent (String)
dashboard-bundle-coverage = ソースメッセージ { $total } 件中 { $translated } 件を翻訳済み（{ $percent }）
# $missing (String)、$incomplete (String)、$obsolete (String) - counts, formatted
dashboard-bundle-counts = 欠落 { $missing } 件、不完全 { $incomplete } 件、ソースにないもの { $obsolete } 件
dashboard-bundle-files = ファイル
dashboard-bundle-diagnostics = ファイル内の問題
dashboard-bundle-no-diagnostics = ファイルは問題なく解析できます。
dashboard-bundle-source = これはソースバンドルです。ほかのバンドルはこれと比較されます。
dashboard-col-file = ファイル
dashboard-col-line = 行
dashboard-col-size = バイト数
dashboard-col-problems = 問題
dashboard-bundles = バンドル一覧

## サインインとエラー

dashboard-login-title = サインイン
dashboard-login-intro = このサーバーにはアクセストークンが必要です。管理者が次のコマンドで作成します：glocal token new
dashboard-login-token = アクセストークン
dashboard-login-submit = サインイン
dashboard-login-bad = このトークンは無効です。
dashboard-error-title = このページを表示できません
# $what (String)
dashboard-error-not-found = 見つかりません：{ $what }
# $role (String)
dashboard-error-forbidden = ロール { $role } のトークンではこのページを閲覧できません。
dashboard-error-internal = サーバーはこのページを作成できませんでした。理由はサーバーのログに記録されています。
dashboard-error-cross-site = このフォームは別のサイトのページから送信されたため、拒否されました。ダッシュボード自身のページからサインインしてください。
# $host (String) - リクエストの Host ヘッダー
dashboard-error-wrong-host = このダッシュボードにはトークンがなく、ループバック名（localhost、127.0.0.1、[::1]）にのみ応答します。{ $host } には応答しません。
