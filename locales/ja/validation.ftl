# リクエストやフラグの値が無効である理由：フィールド違反の説明（accept-language を
# 送った呼び出し元には google.rpc.LocalizedMessage として送られます）と、
# glocal check のエラー行や注記の理由。値、タグ、フィールド名はそのままです。

validation-required = 必須です

## ロケールタグ（BCP 47）。$tag (String) - 指定された値

# $suggestion (String) - ハイフン区切りのタグ（例：fr-CA）
validation-locale-underscore-fixable = 「{ $tag }」は BCP 47 タグではありません。サブタグは「{ $suggestion }」のようにハイフンで区切ります
validation-locale-underscore = 「{ $tag }」は BCP 47 タグではありません（サブタグは「fr-CA」のようにハイフンで区切ります）
validation-locale-malformed = 「{ $tag }」は正しい形式の BCP 47 言語タグではありません（例：「fr-CA」）
validation-locale-language-length = 「{ $tag }」は 2 文字または 3 文字の ISO 639 言語コードで始まっていません（例：「fr-CA」の「fr」）
validation-locale-no-language = 「{ $tag }」には言語サブタグがありません（「und」は市場で使えるロケールではありません）

## 多くのフィールドに共通。

# $max (Number) - フィールドの最大文字数
validation-too-long = { $max } 文字を超えています
# 表示名などの自由記述のフィールドに制御文字が含まれています。
validation-control-characters = 制御文字が含まれています
# $value (String) - 前の要素ですでに指定されているリストの要素（コード、タグ、名前、フェーズ）
validation-listed-twice = { $value } が 2 回指定されています
# $value (String) - 前の要素ですでに指定されている ID またはメッセージパターンのリストの要素
validation-listed-twice-quoted = 「{ $value }」が 2 回指定されています

## 国（ISO 3166-1）、地域区分（ISO 3166-2）、経済圏、通貨（ISO 4217）。
## $code (String) - 指定された値

# 市場の国が空です。
validation-country-required = 必須です（「CA」のような ISO 3166-1 alpha-2 コード）
validation-country-malformed = 「{ $code }」は ISO 3166-1 alpha-2 の国コードではありません
# $alpha3 (String) - alpha-3 コードとしての値（USA など）
# $alpha2 (String) - その国の alpha-2 コード（US など）
validation-country-alpha3 = 「{ $code }」は ISO 3166-1 alpha-2 の国コードではありません（{ $alpha3 } の alpha-2 コードは { $alpha2 } です）
# 値が UK です。UK はコードではなく、イギリスのコードは GB です。
validation-country-uk = 「UK」は ISO 3166-1 の国コードではありません。イギリスのコードは GB です
validation-country-unassigned = 「{ $code }」は割り当て済みの ISO 3166-1 alpha-2 国コードではありません
validation-subdivision-malformed = 「{ $code }」は CC-XXX 形式（「CA-QC」など）の ISO 3166-2 地域区分コードではありません
# $reason (String) - 国コードが無効な理由：上記のテキストのいずれか
validation-subdivision-country = 地域区分「{ $code }」内：{ $reason }
# $code (String) - 地域区分（FR-IDF など）
# $country (String) - それが属する国のコード（FR など）、$countryName (String) - その国の英語名
# $marketCountry (String) - 市場の国コード（CA など）、$marketCountryName (String) - その英語名
validation-subdivision-other-country = { $code } は { $country }（{ $countryName }）の地域区分であり、市場の国 { $marketCountry }（{ $marketCountryName }）の地域区分ではありません
# $known (String) - glocal が知っている経済圏のコード（カンマ区切り）
validation-bloc-unknown = 「{ $code }」は既知の経済圏ではありません。既知の経済圏：{ $known }
# $country (String) - 市場の国コード、$countryName (String) - その英語名
# $bloc (String) - 経済圏のコード（EU など）、$blocName (String) - その英語名（European Union など）
validation-bloc-not-member = { $country }（{ $countryName }）は { $bloc }（{ $blocName }）の加盟国ではありません
# 市場の通貨が空です。
validation-currency-required = 必須です（「CAD」のような ISO 4217 コード）
validation-currency-unknown = 「{ $code }」は ISO 4217 の通貨コードではありません

## 市場。

# 市場にストアフロントのロケールが 1 つもありません。
validation-storefront-locales-required = BCP 47 ロケールタグ（「fr-CA」など）が少なくとも 1 つ必要です
# $locale (String) - 指定されたデフォルトロケール（de-DE など）
# $locales (String) - 市場のストアフロントのロケール（カンマ区切り）
validation-default-locale-not-listed = { $locale } はストアフロントのロケール [{ $locales }] のいずれでもありません
# 市場の外部 ID のキーの形式が正しくありません。
validation-external-id-key = キーは 1～64 文字の英小文字、数字、アンダースコアで指定します（「amazon_marketplace_id」など）
# 市場の外部 ID の値が空か、長すぎます。
validation-external-id-value = 値は 1～256 文字で指定します

## 日付。

# $year (String) - 指定された年
validation-date-year = 年 { $year } が 1～9999 の範囲にありません
# $month (String) - 指定された月
validation-date-month = 月 { $month } が 1～12 の範囲にありません
# $day (String) - 指定された日
validation-date-day = 日 { $day } はその月の日ではありません
# $date (String) - 指定された日付（YYYY-MM-DD、2023-02-29 など）
validation-date-not-in-calendar = { $date } は暦に存在する日付ではありません
# $value (String) - 指定されたテキスト
validation-date-format = 「{ $value }」は YYYY-MM-DD 形式の日付ではありません

## リソース ID とリソース名。$name (String) - 指定された名前

# $id (String) - 指定された ID、$max (Number) - ID の最大文字数
validation-id-too-long = 「{ $id }」は { $max } 文字を超えています
# $id (String) - 指定された ID
validation-id-malformed = 「{ $id }」は有効な ID ではありません。英小文字、数字、ハイフンを使い、英字で始め、ハイフンで終わらないようにしてください
# $pattern (String) - 名前の想定される形式（markets/{market} など）
validation-name-malformed = 「{ $name }」は { $pattern } 形式のリソース名ではありません
validation-name-unknown-kind = 「{ $name }」は markets/ca、requirements/r、products/p、products/p/variants/v のようなリソース名ではありません
# $reason (String) - 名前の一部（ロケールなど）が無効な理由：このファイルのテキストのいずれか
validation-name-part = 「{ $name }」内：{ $reason }
# $reason (String) - 名前の中の ID が無効な理由：validation-required、validation-id-too-long、validation-id-malformed のいずれか
validation-name-id = 「{ $name }」内の ID：{ $reason }
# $locale (String) - 正規の大文字・小文字で書いた名前のロケール（fr-CA など）
validation-name-locale-case = 「{ $name }」内：ロケールは { $locale } と書いてください
# $pattern (String) - 名前の想定される形式（markets/{market} など）
validation-name-required = 必須です（{ $pattern }）

## バンドルとそのファイル。$path (String) - 指定されたファイルパス

# ファイルパスが空です。
validation-path-empty = 必須です（パス「」が空です）
# $max (Number) - パスの最大バイト数
validation-path-too-long = 「{ $path }」は { $max } バイトを超えています
validation-path-absolute = 「{ $path }」は相対パスでなければなりません（先頭に '/' を付けません）
validation-path-backslash = 「{ $path }」はフォルダーを '\' ではなく '/' で区切る必要があります
validation-path-not-ftl = 「{ $path }」は .ftl で終わる必要があります
validation-path-segments = 「{ $path }」に空のセグメント、'.'、'..' を含めることはできません
validation-path-control-characters = 「{ $path }」に制御文字を含めることはできません
# $name (String) - 指定されたバンドル名
validation-bundle-name-malformed = 「{ $name }」は products/{"{"}product{"}"}/bundles/{"{"}locale{"}"} 形式のバンドル名ではありません

## プロダクトとバリアント。

# プロダクトのソースロケールが空です。
validation-source-locale-required = 必須です（テキストを記述している言語の BCP 47 タグ。「en-US」など）
# プロダクトの Fluent ファイルのディレクトリが空です。
validation-directory-required = 必須です（「locales」など）
# プロダクトの Fluent ファイルのディレクトリが絶対パスか、バックスラッシュを使っています。
validation-directory-relative = '/' 区切りの相対パスでなければなりません
# プロダクトの Fluent ファイルの layout にプレースホルダー {locale} がありません。
validation-layout-no-locale = {"{"}locale{"}"} を含める必要があります（「{"{"}locale{"}"}/**/*.ftl」など）
# プロダクトの Fluent ファイルの layout が .ftl ファイルを指定していません。
validation-layout-not-ftl = .ftl で終わる必要があります（「{"{"}locale{"}"}/**/*.ftl」など）
# プロダクトの Fluent ファイルの layout がディレクトリの外を指しています。
validation-layout-outside = ディレクトリの中にとどまる必要があります（先頭の '/' や '..' は使えません）
# バリアントの SKU が長すぎるか、制御文字を含んでいます。
validation-sku = 印字可能な文字で 64 文字以内にしてください
# バリアントの属性のキーの形式が正しくありません。
validation-attribute-key = キーは 1～64 文字の英小文字、数字、'-'、'_' で指定します
# バリアントの属性の値が長すぎます。
validation-attribute-value = 値は 256 文字以内で指定します

## 要件。

# $pattern (String) - 指定されたメッセージ ID またはパターン
validation-message-pattern = 「{ $pattern }」は Fluent のメッセージ ID でも ID パターンでもありません（「imprint-address」、「imprint-*」など）
# 要件に適用地域がありません。country、subdivision、bloc はフィールド名です。
validation-jurisdiction-required = 必須です。country、subdivision、bloc のいずれかを設定してください
# 要件の種類が指定されていません。
validation-kind-required = 必須です（REQUIREMENT_KIND_LEGAL_LANGUAGE など）
# 要件の概要が空です。
validation-summary-required = 必須です。ルールが何を求めるかを記述してください
# $url (String) - 指定された出典 URL
validation-url = 「{ $url }」は http または https の URL ではありません
# $until (String) - 効力のある最終日（YYYY-MM-DD）、$from (String) - 初日（effective_from はフィールド名）
validation-effective-until-before = { $until } は effective_from の { $from } より前です
# $locale (String) - 要件の前のルールですでに指定されているロケール
validation-locale-two-rules = { $locale } にルールが 2 つあります
# 要件の 2 つ目のロケールルールが must_be_default を指定しています。
validation-one-default-locale = デフォルトとして必須にできるロケールは 1 つだけです

## ローンチとロードマップ。

# $variant (String) - バリアントの名前、$product (String) - ローンチのプロダクトの名前
validation-launch-variant-of-other-product = { $variant } は { $product } のバリアントではありません
validation-weight = 0 以上の有限の数でなければなりません ({ $value } ではなく)
# ローンチにフェーズがありません。
validation-phases-required = 日付付きのフェーズが少なくとも 1 つ必要です
# ローンチのフェーズが指定されていません。値は ALPHA、BETA、GA です。
validation-phase-required = 必須です（ALPHA、BETA、GA のいずれか）
# $phase (String) - フェーズ（GA など）、$date (String) - その日付（YYYY-MM-DD）
# $earlierPhase (String) - その前に来るフェーズ（BETA など）、$earlierDate (String) - その日付（こちらの方が遅い）
validation-phase-order = { $date } の { $phase } が { $earlierDate } の { $earlierPhase } より前になっています。フェーズは順番どおりに並べる必要があります
# $selector (String) - 指定された要素：メッセージ ID でも ID パターンでも .ftl パスでもないもの
validation-message-selector = 「{ $selector }」は Fluent のメッセージ ID でも ID パターンでもありません（「imprint-address」、「imprint-*」など）。ファイルは「checkout/cart.ftl」のようにパスで指定します
# $id (String) - ロードマップの項目の ID（前の項目にも同じ ID があります）
validation-item-id-taken = 「{ $id }」は別の項目で使われています
# ロードマップの項目がメッセージを 1 つも指定していません。
validation-messages-required = メッセージ ID、ID パターン、ファイルパスのいずれかが少なくとも 1 つ必要です
# 免除に理由がありません。
validation-waiver-reason-required = 必須です。不足を容認する理由を記述してください
# 免除に承認者がありません。
validation-waiver-approver-required = 必須です。不足を容認した人を記述してください

## リクエストの上限。

# 違反が多すぎてすべてを示せないリクエストの最後の違反（残りの代わり）。
# $count (Number) - 省略した違反の数
validation-more-violations = ほかに { $count } 件の違反があります（一覧にはありません）
# リクエストのリストまたはマップの要素が、glocal が受け付ける数を超えています。
# $max (Number) - 指定できる要素の最大数
validation-too-many-entries = 指定できるのは { $max } 件までです
