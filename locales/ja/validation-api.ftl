# gRPC サービスへのリクエストが無効である理由のうち、モデルの検証
# （validation.ftl）以外のもの：名前、ページトークン、マスク、ファイル、上限。
# accept-language を送った呼び出し元には、フィールド違反の
# google.rpc.LocalizedMessage として送られます。フィールド名と値はそのままです。
#
# 各テキストは対象のフィールドの後に表示されます（例：「page_token：このサービスが
# 返したトークンではありません」）。リソース名 (markets/fr)、フィールド名
# (next_page_token)、メソッド名 (WriteBundleFiles)、「*」はどの言語でもそのままにします。

## 必須フィールドとリソース名

# $pattern (String) - リソース名の形式（markets/{market} など）
request-name-required = 必須です（{ $pattern } の形式の名前）
# $pattern (String) - バンドル名の形式：products/{product}/bundles/{locale}
request-bundle-name-required = 必須です（{ $pattern }）
# $preset (String) - glocal が持つ市場プリセットの名前：amazon-marketplaces
request-preset-required = 必須です（「{ $preset }」）
# 変数なし。フィールドはプランの製品の名前です。
request-plan-product-required = 必須です。プランは 1 つの製品を記述します
# 変数なし。フィールドは products/{product}/launches/{launch} の形式ではない
# ローンチの名前です。
request-launch-name-invalid = ローンチの名前ではありません

## 他のリソースへの参照

# $name (String) - 参照されたリソースの名前（markets/fr など）
request-reference-not-found = { $name } は存在しません
# $variant (String) - ローンチのバリアントの名前（products/kettle/variants/eu など）
# $market (String) - ローンチの市場の名前（markets/ca など）
request-launch-not-sold-in = { $variant } は { $market } で販売されていません。先にバリアントに市場を追加してください

# ローンチのロケールが市場のストアフロントロケールにない。
# $locale (String) - ローンチのロケール（fr-FR など）
# $market (String) - ローンチの市場の名前（markets/ca など）
# $locales (String) - 市場のストアフロントロケール（カンマ区切り、en-CA, fr-CA など）
request-launch-locale-not-in-market = { $locale } は { $market } のストアフロントのロケール [{ $locales }] のいずれでもありません

## 値

# $value (String) - 列挙型のフィールドに送られた数値（42 など）
request-enum-unknown = { $value } は既知の値ではありません
# $value (String) - 要件の種類として送られた数値（42 など）
request-requirement-kind-unknown = { $value } は既知の要件の種類ではありません
# 変数なし。0 未満のサイズ、日数、ページサイズ。
request-not-negative = 負の値は指定できません
# 変数なし。google.type.Date が日付でない理由（「月 13 は 1 から 12 の範囲外です」など）の
# 後に、括弧に入れて続きます。
request-date-incomplete = （年・月・日をすべて含む完全な日付が必要です）
# $id (String) - 送られたメッセージ ID（「hello world」など）
request-message-id-invalid = 「{ $id }」はメッセージ ID ではありません（例：「hello」、「hello.title」）

## ページトークン (page_token)

# 変数なし。next_page_token は前の応答のフィールドです。
request-page-token-invalid = このサービスが返したトークンではありません。next_page_token を変更せずに渡してください
# 変数なし。
request-page-token-other-filters = 別のフィルター用に発行されたトークンです。ページ間では page_token 以外のフィールドを変更しないでください
# 変数なし。ListRevisions のページトークン。
request-revision-page-token-invalid = このサービスが返したトークンではありません

## 更新マスク (update_mask.paths)

# 変数なし。「*」（すべてのフィールド）は単独で指定するパスです。
request-mask-star-not-alone = 「*」は他のパスと一緒に指定できません
# $path (String) - 指定されたパス（etag など）
request-mask-output-only = 「{ $path }」は出力専用のため更新できません
# $path (String) - 指定されたパス（colour など）
# $fields (String) - リソースの更新可能なフィールド（カンマ区切り）
request-mask-not-updatable = 「{ $path }」は更新可能なフィールドではありません。更新可能なフィールド：{ $fields }

## バンドルのファイル (WriteBundleFiles)

# 変数なし。replace はリクエストのフィールドです。
request-bundle-files-empty = 少なくとも 1 つのファイルが必要です（バンドルを空にするには replace を設定してください）
request-velocity-days = 1 から { $max } 日の範囲で指定してください
request-handoff-unit = { $problem }
request-handoff-target-language = trgLang { $language } はロケールタグではありません：{ $problem }
request-handoff-nothing-translated = 翻訳済みのメッセージがありません。メッセージの各ユニットの <target> を埋めてください
# $count (Number) - リクエストに含まれるファイルの数
# $max (Number) - 1 回のリクエストに含められるファイルの数
request-bundle-too-many-files = ファイルが { $count } 個あります。1 回のリクエストで受け付けるのは最大 { $max } 個です（複数のリクエストに分けて送信してください）
# $count (Number) - リクエスト後にバンドルが持つファイル数
# $max (Number) - バンドルが持てるファイルの最大数
request-bundle-too-many-stored-files = バンドルのファイルが { $count } 個になります。バンドルが持てるのは最大 { $max } 個です
# $path (String) - バンドル内のファイルのパス（app/main.ftl など）
request-bundle-file-sent-twice = 「{ $path }」が 2 回送信されています
# $size (Number) - ファイルのサイズ（バイト）
# $max (Number) - 受け付ける最大のサイズ（バイト）
request-bundle-file-too-large = { $size } バイトあります。ファイルは最大 { $max } バイトまでです
# $size (Number) - ストア内のファイルのサイズ（テキストとインデックス、バイト）
# $max (Number) - ストアが保持できる最大サイズ（バイト）
request-bundle-file-too-large-stored = インデックスを含めてストア内で { $size } バイトになります。ストア（etcd、リクエスト上限による）が保持できるファイルは最大 { $max } バイトです。ファイルを分割するか、etcd の --max-request-bytes と glocal の --etcd-max-request-bytes を引き上げてください
# 変数なし。バンドルはメッセージ全体としては送信できません。
request-bundle-written-by-file = バンドルは WriteBundleFiles で書き込みます

## プラン (ImportPlan)

# $name (String) - リソース名（markets/fr など）
request-plan-duplicate = { $name } がプランに 2 回含まれています
# $name (String) - バリアント、ローンチ、ロードマップのいずれかの名前
# $product (String) - プランの製品の名前（products/kettle など）
request-plan-other-product = { $name } はプランの製品 { $product } に属していません
# $target (String) - 参照されたリソースの名前（markets/fr など）
request-plan-reference-missing = { $target } はプランにもサーバーにもありません
# $from (String) - 参照しているリソースの名前
# $target (String) - 参照されたリソースの名前
request-plan-reference-deleted = { $from } が参照している { $target } は、その間に削除されました
# $target (String) - 参照されたリソースの名前（markets/fr など）。
# サーバーなしでプランファイルを検査する glocal check --plan が使います。
request-plan-reference-offline = { $target } はプランにもその市場プリセットにもありません

## RenderMessage の引数（args）

# $count (Number) - リクエストに含まれる引数の数
# $max (Number) - 1 回のリクエストに含められる引数の数
request-render-too-many-args = 引数が { $count } 個あります。受け付けるのは最大 { $max } 個です
# $size (Number) - 最も長い引数名のサイズ（バイト）
# $max (Number) - 受け付ける最長の名前（バイト）
request-render-arg-name-too-long = { $size } バイトの引数名があります。名前は最大 { $max } バイトまでです
# $name (String) - 引数の名前（count など）
# $size (Number) - その値のサイズ（バイト）
# $max (Number) - 受け付ける最大の値（バイト）
request-render-arg-value-too-long = 「{ $name }」の値は { $size } バイトあります。値は最大 { $max } バイトまでです

## ダッシュボードの URL（glocal serve --http-listen）

# $value (String) - URL で指定された値、$max (Number)
request-window-days = 「{ $value }」はウィンドウとして無効です。0 から { $max } までの整数の日数を指定してください
# $value (String) - URL で指定された値
request-handoff-format-unknown = 「{ $value }」は引き渡し形式ではありません。xliff、csv、ftl のいずれかを使用してください
# 変数なし。
request-handoff-locale-missing = は必須です：引き渡すタスクのロケール
