# Textos de errores: los mensajes de error del servicio gRPC (enviados como
# google.rpc.LocalizedMessage a quienes llaman con accept-language) y el
# prefijo de las líneas de error de la línea de comandos. Los nombres de
# recursos, las rutas de campos y los etags se mantienen igual en todos los
# idiomas.

# El prefijo de una línea de error de la línea de comandos, antes del mensaje.
error-line = error: { $message }

# $count (Number) - cuántos campos no son válidos
# $fields (String) - sus rutas, como market.country, separadas por comas
api-invalid-request =
    { $count ->
        [one] La solicitud tiene un campo no válido: { $fields }. Las infracciones de campo (field violations) indican qué está mal.
        [many] La solicitud tiene { $count } campos no válidos: { $fields }. Las infracciones de campo (field violations) indican qué está mal.
       *[other] La solicitud tiene { $count } campos no válidos: { $fields }. Las infracciones de campo (field violations) indican qué está mal.
    }
api-unknown-preset = No existe ningún preajuste de mercado con ese nombre; los preajustes conocidos son { $presets }.
api-invalid-page-token = Este servidor no emitió ese token de página para esta solicitud; vuelve a empezar sin token de página.
# $name (String) - el nombre del recurso, como markets/fr
api-not-found = { $name } no existe.
api-already-exists = { $name } ya existe.
api-etag-mismatch = { $name } ha cambiado desde que lo leíste; vuelve a leerlo y reinténtalo.
# $referrers (String) - los nombres de los recursos que lo usan, separados por comas
api-in-use = { $name } aún está en uso por { $referrers }; primero modifica o elimina los recursos que lo usan.
api-internal = El servidor no pudo procesar la solicitud; su registro contiene los detalles.
api-cancelled = La llamada se canceló antes de que terminara su trabajo.
api-store-unavailable = El servidor no puede guardar datos ahora mismo (su disco o su clúster de base de datos está fallando); vuelve a intentarlo en un momento.
api-undecodable = La solicitud no es un mensaje válido de este método (por ejemplo, un campo de texto que no es UTF-8).
api-deadline-exceeded = La llamada tardó más que el límite del servidor de { $seconds } segundos.
api-overloaded = El servidor está ocupado; vuelve a intentarlo en un momento.
api-unauthenticated = { $method } necesita un token: envía los metadatos "authorization: Bearer TOKEN" (GLOCAL_TOKEN para los comandos de glocal).
api-permission-denied = { $principal } tiene el rol { $role } y no puede llamar a { $method }, que necesita el rol { $needed }.

# Una entrada de los errors de RenderMessage: un archivo que se omite al
# formatear, porque no se analizó al subirlo.
# $path (String) - la ruta del archivo en el paquete, como app/main.ftl
# $locale (String) - la configuración regional del paquete, como fr
render-file-refused = se omitió { $path } del paquete { $locale }: se rechazó sin analizarlo al subirlo (consulta su error de sintaxis), así que no aporta ningún mensaje
render-not-translated = { $id } no está traducido para { $locale } (buscado en { $chain }): lo aporta el origen { $source }, como haría el último respaldo de un entorno de ejecución

# La línea de comandos no puede usar el servidor de --server (líneas de error).
client-server-refused = no se puede contactar con el servidor glocal en { $url }: nada escucha allí (conexión rechazada); inicie uno con `glocal serve --listen { $address }`
client-server-unreachable = no se puede contactar con el servidor glocal en { $url }: { $error }
client-token-missing = asigna a GLOCAL_TOKEN un token del archivo de tokens del servidor
client-token-unknown = el servidor no conoce el token de GLOCAL_TOKEN
client-server-not-grpc = no se puede contactar con el servidor glocal en { $url }: algo responde allí, pero no es un servidor gRPC ({ $error }); compruebe la dirección, o inicie glocal en un puerto libre con `glocal serve --listen HOST:PORT`
client-server-not-glocal = no se puede contactar con el servidor glocal en { $url }: responde un servidor gRPC, pero sin ninguno de los servicios de glocal (UNIMPLEMENTED); compruebe la dirección, o inicie glocal en un puerto libre con `glocal serve --listen HOST:PORT`
api-change-too-large = Este cambio es demasiado grande para una transacción de la base de datos del servidor: necesita { $operations } operaciones y { $bytes } bytes, y la base de datos acepta { $max_operations } operaciones y { $max_bytes } bytes. Envía un cambio más pequeño (menos recursos o archivos por petición) o pide al operador que aumente --max-txn-ops y --max-request-bytes de etcd y --etcd-max-txn-ops y --etcd-max-request-bytes de glocal.
