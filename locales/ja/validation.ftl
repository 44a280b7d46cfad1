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
