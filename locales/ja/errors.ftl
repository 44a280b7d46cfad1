# エラーのテキスト：gRPC サービスのエラーメッセージ（accept-language を送信する
# 呼び出し元に google.rpc.LocalizedMessage として送信）と、コマンドラインの
# エラー行の接頭辞。リソース名、フィールドパス、etag はどの言語でもそのままにします。

# コマンドラインのエラー行で、メッセージの前に付く接頭辞。
error-line = エラー：{ $message }

# $count (Number) - 無効なフィールドの数
# $fields (String) - それらのパス（market.country など、カンマ区切り）
api-invalid-request = リクエストに無効なフィールドが { $count } 個あります：{ $fields }。問題の内容はフィールド違反（field violations）に示されています。
api-unknown-preset = その名前の市場プリセットはありません。既知のプリセット：{ $presets }。
api-invalid-page-token = このページトークンは、このリクエストに対してこのサーバーが発行したものではありません。ページトークンなしでやり直してください。
# $name (String) - リソース名（markets/fr など）
api-not-found = { $name } は存在しません。
api-already-exists = { $name } はすでに存在します。
api-etag-mismatch = { $name } は読み込んだ後に変更されています。もう一度読み込んでから再試行してください。
# $referrers (String) - それを使用しているリソースの名前（カンマ区切り）
api-in-use = { $name } はまだ { $referrers } で使用されています。先に、これを使用しているリソースを変更または削除してください。
api-internal = サーバーはリクエストを処理できませんでした。詳細はサーバーのログを確認してください。
api-cancelled = 処理が終わる前に呼び出しがキャンセルされました。
api-store-unavailable = サーバーは現在データを保存できません（ディスクまたはデータベースクラスターに障害があります）。しばらくしてから再試行してください。
api-undecodable = リクエストはこのメソッドの有効なメッセージではありません（UTF-8 でないテキストフィールドなど）。
api-deadline-exceeded = 呼び出しがサーバーの制限時間 { $seconds } 秒を超えました。
api-overloaded = サーバーが混み合っています。しばらくしてから再試行してください。
api-unauthenticated = { $method } にはトークンが必要です。メタデータ「authorization: Bearer TOKEN」を送信してください（glocal のコマンドでは GLOCAL_TOKEN）。
api-permission-denied = { $principal } のロールは { $role } のため { $method } を呼び出せません。{ $needed } ロールが必要です。

# RenderMessage の errors の項目：アップロード時に解析されなかったため、
# 書式設定から除外されたファイル。
# $path (String) - バンドル内のファイルのパス（app/main.ftl など）
# $locale (String) - バンドルのロケール（fr など）
render-file-refused = バンドル { $locale } の { $path } は除外されました。アップロード時に解析されずに拒否されたため（構文エラーを参照）、メッセージを提供しません
render-not-translated = { $id } は { $locale } 向けに翻訳されていません（{ $chain } を検索）。ランタイムの最後のフォールバックと同様に、ソース { $source } が提供します

# コマンドラインが --server のサーバーを使えない（エラー行）。
client-server-refused = { $url } の glocal サーバーに接続できません。そこでは何も待ち受けていません（接続拒否）。`glocal serve --listen { $address }` で起動してください
client-server-unreachable = { $url } の glocal サーバーに接続できません：{ $error }
client-token-missing = GLOCAL_TOKEN にサーバーのトークンファイルにあるトークンを設定してください
client-token-unknown = サーバーは GLOCAL_TOKEN のトークンを認識していません
client-server-not-grpc = { $url } の glocal サーバーに接続できません。応答はありますが gRPC サーバーではありません（{ $error }）。アドレスを確認するか、`glocal serve --listen HOST:PORT` で空いているポートに glocal を起動してください
client-server-not-glocal = { $url } の glocal サーバーに接続できません。gRPC サーバーが応答しますが、glocal のサービスがありません（UNIMPLEMENTED）。アドレスを確認するか、`glocal serve --listen HOST:PORT` で空いているポートに glocal を起動してください
api-change-too-large = この変更はサーバーのデータベースの 1 トランザクションには大きすぎます。{ $operations } 個の操作と { $bytes } バイトが必要ですが、データベースが受け付けるのは { $max_operations } 個の操作と { $max_bytes } バイトです。より小さな変更（1 リクエストあたりのリソースやファイルを減らす）を送るか、運用担当者に etcd の --max-txn-ops と --max-request-bytes、glocal の --etcd-max-txn-ops と --etcd-max-request-bytes を引き上げるよう依頼してください。
