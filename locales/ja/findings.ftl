# 検出結果の詳細：あるロケールの 1 つのメッセージについて、チェックで見つかった内容。
# レポートでは、ルール ID とメッセージ ID の後に表示されます。メッセージ ID、
# 変数 ($name)、ファイル名、ロケールタグ、セレクターはどの言語でもそのままにします。

## 多くの詳細は、メッセージのどの部分についてのものかを示します：
## $part (String) - value または attribute、$attribute (String) - 属性の名前

# $count (Number) - ソースのメッセージと用語の数
finding-missing-locale = ロケールにバンドルファイルがありません。ソースにはメッセージと用語が { $count } 件あります
# $parser (String) - Fluent パーサーのメッセージ（英語）
# $line, $column (Number) - 解析できないテキストの終わりの位置
finding-syntax-error = { $parser }（{ $line } 行 { $column } 列まで）
# $id (String) - メッセージ ID、$line (Number) - 最初に定義された行
finding-duplicate-in-file = ID { $id } が重複しています。最初の定義は { $line } 行目にあります
# $file (String) - 最初に定義されたファイル
finding-duplicate-in-bundle = ID { $id } が重複しています。最初の定義は { $file } にあります
# $kind (String) - message または term
finding-missing-message =
    { $kind ->
        [term] 用語 { $id } が翻訳されていません
       *[message] メッセージ { $id } が翻訳されていません
    }
finding-missing-value = { $id } はソースには値がありますが、ここには属性しかありません
finding-missing-attribute = { $id } に属性 .{ $attribute } がありません
finding-obsolete-message =
    { $kind ->
        [term] 用語 { $id } はソースにありません
       *[message] メッセージ { $id } はソースにありません
    }
# $variables (String) - 変数（「$user, $count」など）
finding-unknown-variable =
    { $part ->
        [attribute] 属性 .{ $attribute } で、ソースのメッセージでは使われていない { $variables } が使われています
       *[value] 値で、ソースのメッセージでは使われていない { $variables } が使われています
    }
# $variable (String) - 変数の名前（$ なし）
# $variants (String) - finding-own-text または finding-variant のテキスト（カンマ区切り）
finding-dropped-variable =
    { $part ->
        [attribute] 属性 .{ $attribute } で、ソースが表示する ${ $variable } が省かれています（箇所：{ $variants }）
       *[value] 値で、ソースが表示する ${ $variable } が省かれています（箇所：{ $variants }）
    }
# バリアントのないパターンのテキスト。
finding-own-text = テキスト
# $keys (String) - バリアントのキー（[one]、[masculine][other] など）
finding-variant = バリアント { $keys }
finding-identical-to-source =
    { $part ->
        [attribute] 属性 .{ $attribute } がソースのテキストのままで、翻訳されていません
       *[value] 値がソースのテキストのままで、翻訳されていません
    }
# $reference (String) - 参照先の ID（-brand、menu.title など）
finding-unresolved-reference =
    { $part ->
        [attribute]
            { $kind ->
                [term] 属性 .{ $attribute } が参照している用語 { $reference } は、ロケールにもソースにも定義されていません
               *[message] 属性 .{ $attribute } が参照しているメッセージ { $reference } は、ロケールにもソースにも定義されていません
            }
       *[value]
            { $kind ->
                [term] 値が参照している用語 { $reference } は、ロケールにもソースにも定義されていません
               *[message] 値が参照しているメッセージ { $reference } は、ロケールにもソースにも定義されていません
            }
    }
# $selector (String) - セレクター（$count など）
# $missing, $categories (String) - CLDR の複数形カテゴリー（「few, many」など）
# $locale (String) - ロケール
finding-missing-plural-category =
    { $part ->
        [attribute] 属性 .{ $attribute } の { $selector } による選択に、複数形カテゴリー { $missing } がありません（{ $locale } には { $categories } が必要です）
       *[value] 値の { $selector } による選択に、複数形カテゴリー { $missing } がありません（{ $locale } には { $categories } が必要です）
    }

## ロードマップのチェック。

# $item (String) - ロードマップの項目の ID、$selector (String) - 項目が指定しているもの
finding-unknown-message = ロードマップの項目「{ $item }」で指定された「{ $selector }」は、ソースバンドルで定義されていません
# $locale (String) - 必要なロケール、$bundle (String) - それを提供するバンドル
finding-fallback-used = 必要な { $needed } 件のメッセージのうち { $count } 件を { $bundle } バンドルが提供しています
# $policy (String) - マッチポリシー：EXACT、CLDR_FALLBACK、SAME_LANGUAGE のいずれか
# $count (Number) - 必要なメッセージの数、$words (Number) - その語数
finding-no-bundle-serves = { $policy } では { $locale } を提供するバンドルがありません。必要なメッセージ { $count } 件（{ $words } 語）が欠落しています
# 別のロケールを提供するバンドルでの検出結果の詳細の後に付きます。
finding-served-by = （{ $locale } を提供する { $bundle } バンドル内）
# 免除によって容認された不足の詳細の後に付きます。
# $waivers (String) - finding-waiver のテキスト（セミコロン区切り）
finding-waived = （{ $waivers }）
# オプションのストアフロントロケール（ローンチが出荷せず、どの要件も求めないもの）に
# ついての検出結果の詳細の後に付きます。INFO のみで、ブロックしません。
# $locale (String) - ロケール（fr-FR など）
finding-optional-locale = （オプション：ローンチは { $locale } を出荷しません）
# $requirement (String) - 要件の名前、$approver (String) - 承認者
# $expiry (String) - 最終日（YYYY-MM-DD）、$reason (String) - 理由（免除に記載された文言）
finding-waiver = { $requirement } について { $approver } が { $expiry } まで免除：{ $reason }
finding-waiver-open-ended = { $requirement } について { $approver } が無期限に免除：{ $reason }

# フォールバックチェーン上のバンドルも検索した場合に、欠けているメッセージの詳細の後に付きます。
# $bundles (String) - 検索したバンドル（順番どおり、カンマ区切り）
finding-looked-in = （{ $bundles } を検索）
# $variant (String) - バリアント名、$feature (String) - 機能 ID、$items (String) - ロードマップの項目（カンマ区切り）
finding-unknown-feature = バリアント { $variant } には機能「{ $feature }」が含まれていますが、製品のどのロードマップ項目にもありません（このロードマップの項目：{ $items }）

# $item (String) - ロードマップ項目の ID、$requirement (String) - 要件名、$approver (String) - 承認者
finding-unused-waiver = 項目 { $item } の { $requirement } に対する免除（承認者：{ $approver }）は、どのローンチのギャップにも該当しません
