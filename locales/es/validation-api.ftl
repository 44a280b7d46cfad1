# Por qué una solicitud al servicio gRPC no es válida, más allá de lo que
# comprueba el modelo (validation.ftl): nombres, tokens de página, máscaras,
# archivos y límites. Se envía como google.rpc.LocalizedMessage de una
# infracción de campo a quien envía accept-language. Los nombres de campo y
# los valores no se traducen.
#
# Cada texto sigue al campo al que se refiere, como en «page_token: no es un
# token que haya devuelto este servicio»: la mayoría empieza por un verbo. Los
# nombres de recursos (markets/fr), de campos (next_page_token), de métodos
# (WriteBundleFiles) y "*" no se traducen.

## Campos obligatorios y nombres de recursos

# $pattern (String) - la forma del nombre del recurso, como markets/{market}
request-name-required = es obligatorio (un nombre de la forma { $pattern })
# $pattern (String) - la forma del nombre de un paquete: products/{product}/bundles/{locale}
request-bundle-name-required = es obligatorio ({ $pattern })
# $preset (String) - el nombre del preajuste de mercado que tiene glocal: amazon-marketplaces
request-preset-required = es obligatorio ("{ $preset }")
# Sin variables. El campo es el nombre del producto del plan.
request-plan-product-required = es obligatorio: un plan describe un solo producto
# Sin variables. El campo es el nombre de un lanzamiento que no tiene la forma
# products/{product}/launches/{launch}.
request-launch-name-invalid = no es un nombre de lanzamiento

## Referencias a otros recursos

# $name (String) - el nombre del recurso referenciado, como markets/fr
request-reference-not-found = { $name } no existe
# $variant (String) - el nombre de la variante del lanzamiento, como products/kettle/variants/eu
# $market (String) - el nombre del mercado del lanzamiento, como markets/ca
request-launch-not-sold-in = { $variant } no se vende en { $market }; añade primero el mercado a la variante

# Una configuración regional del lanzamiento no es de las de la tienda de su mercado.
# $locale (String) - la configuración regional del lanzamiento, como fr-FR
# $market (String) - el nombre del mercado del lanzamiento, como markets/ca
# $locales (String) - las configuraciones regionales de la tienda del mercado, separadas por comas, como en-CA, fr-CA
request-launch-locale-not-in-market = { $locale } no es una configuración regional de la tienda de { $market } [{ $locales }]

## Valores

# $value (String) - el número enviado para un campo enumerado, como 42
request-enum-unknown = { $value } no es un valor conocido
# $value (String) - el número enviado para el tipo de requisito, como 42
request-requirement-kind-unknown = { $value } no es un tipo de requisito conocido
# Sin variables. Un tamaño, un número de días o un tamaño de página menor que cero.
request-not-negative = no debe ser negativo
# Sin variables. Va entre paréntesis después del motivo por el que un
# google.type.Date no es una fecha (como «el mes 13 no está entre 1 y 12»).
request-date-incomplete = (se necesita una fecha completa, con año, mes y día)
# $id (String) - el identificador de mensaje enviado, como "hello world"
request-message-id-invalid = "{ $id }" no es un identificador de mensaje (como "hello" o "hello.title")

## Tokens de página (page_token)

# Sin variables. next_page_token es el campo de la respuesta anterior.
request-page-token-invalid = no es un token que haya devuelto este servicio; pasa next_page_token sin cambios
# Sin variables.
request-page-token-other-filters = se emitió para otros filtros; entre páginas, no cambies ningún campo salvo page_token
# Sin variables. El token de página de ListRevisions.
request-revision-page-token-invalid = no es un token que haya devuelto este servicio

## Máscaras de actualización (update_mask.paths)

# Sin variables. "*" (todos los campos) es una ruta por sí sola.
request-mask-star-not-alone = "*" debe ser la única ruta
# $path (String) - la ruta indicada, como etag
request-mask-output-only = "{ $path }" es un campo de solo salida y no se puede actualizar
# $path (String) - la ruta indicada, como colour
# $fields (String) - los campos del recurso que se pueden actualizar, separados por comas
request-mask-not-updatable = "{ $path }" no es un campo actualizable; los campos actualizables son { $fields }

## Archivos de un paquete (WriteBundleFiles)

# Sin variables. replace es un campo de la solicitud.
request-bundle-files-empty = necesita al menos un archivo (o activa replace para vaciar el paquete)
request-velocity-days = debe estar entre 1 y { $max } días
request-handoff-unit = { $problem }
request-handoff-target-language = trgLang { $language } no es una etiqueta de configuración regional: { $problem }
request-handoff-nothing-translated = no tiene ningún mensaje traducido: rellena el <target> de cada unidad de un mensaje
# $count (Number) - cuántos archivos tiene la solicitud
# $max (Number) - cuántos archivos puede tener una solicitud
request-bundle-too-many-files =
    { $count ->
        [one] tiene { $count } archivo
        [many] tiene { $count } archivos
       *[other] tiene { $count } archivos
    }; una solicitud admite como máximo { $max } (envía varias solicitudes)
# $count (Number) - cuántos archivos tendría el paquete tras la solicitud
# $max (Number) - cuántos archivos puede tener un paquete
request-bundle-too-many-stored-files =
    { $count ->
        [one] dejaría { $count } archivo en el paquete
        [many] dejaría { $count } archivos en el paquete
       *[other] dejaría { $count } archivos en el paquete
    }; un paquete tiene como máximo { $max }
# $path (String) - la ruta del archivo en el paquete, como app/main.ftl
request-bundle-file-sent-twice = "{ $path }" se envía dos veces
# $size (Number) - el tamaño del archivo, en bytes
# $max (Number) - el tamaño máximo admitido, en bytes
request-bundle-file-too-large =
    { $size ->
        [one] ocupa { $size } byte
        [many] ocupa { $size } bytes
       *[other] ocupa { $size } bytes
    }; { $max ->
        [one] los archivos pueden ocupar como máximo { $max } byte
        [many] los archivos pueden ocupar como máximo { $max } bytes
       *[other] los archivos pueden ocupar como máximo { $max } bytes
    }
# $size (Number) - el tamaño del archivo en el almacén, texto e índice, en bytes
# $max (Number) - el tamaño máximo que guarda el almacén, en bytes
request-bundle-file-too-large-stored =
    { $size ->
        [one] ocupa { $size } byte en el almacén con su índice
        [many] ocupa { $size } bytes en el almacén con su índice
       *[other] ocupa { $size } bytes en el almacén con su índice
    }; { $max ->
        [one] el almacén (etcd, por su límite de petición) guarda archivos de como máximo { $max } byte
        [many] el almacén (etcd, por su límite de petición) guarda archivos de como máximo { $max } bytes
       *[other] el almacén (etcd, por su límite de petición) guarda archivos de como máximo { $max } bytes
    }: divida el archivo o aumente --max-request-bytes de etcd y --etcd-max-request-bytes de glocal
# Sin variables. Un paquete no se puede enviar como un mensaje completo.
request-bundle-written-by-file = los paquetes se escriben con WriteBundleFiles

## Planes (ImportPlan)

# $name (String) - un nombre de recurso, como markets/fr
request-plan-duplicate = { $name } aparece dos veces en el plan
# $name (String) - el nombre de una variante, un lanzamiento o una hoja de ruta
# $product (String) - el nombre del producto del plan, como products/kettle
request-plan-other-product = { $name } no pertenece al producto { $product } del plan
# $target (String) - el nombre del recurso referenciado, como markets/fr
request-plan-reference-missing = { $target } no está ni en el plan ni en el servidor
# $from (String) - el nombre del recurso que hace la referencia
# $target (String) - el nombre del recurso referenciado
request-plan-reference-deleted = { $from } hace referencia a { $target }, que se eliminó mientras tanto
# $target (String) - el nombre del recurso referenciado, como markets/fr.
# Lo dice glocal check --plan, que comprueba un archivo de plan sin servidor.
request-plan-reference-offline = { $target } no está ni en el plan ni en su preajuste de mercado

## Argumentos de RenderMessage (args)

# $count (Number) - cuántos argumentos tiene la solicitud
# $max (Number) - cuántos argumentos puede tener una solicitud
request-render-too-many-args =
    { $count ->
        [one] tiene { $count } argumento
        [many] tiene { $count } argumentos
       *[other] tiene { $count } argumentos
    }; se admiten como máximo { $max }
# $size (Number) - el tamaño del nombre de argumento más largo, en bytes
# $max (Number) - el nombre más largo admitido, en bytes
request-render-arg-name-too-long =
    { $size ->
        [one] tiene un nombre de argumento de { $size } byte
        [many] tiene un nombre de argumento de { $size } bytes
       *[other] tiene un nombre de argumento de { $size } bytes
    }; { $max ->
        [one] los nombres pueden ocupar como máximo { $max } byte
        [many] los nombres pueden ocupar como máximo { $max } bytes
       *[other] los nombres pueden ocupar como máximo { $max } bytes
    }
# $name (String) - el nombre del argumento, como count
# $size (Number) - el tamaño de su valor, en bytes
# $max (Number) - el valor más grande admitido, en bytes
request-render-arg-value-too-long =
    { $size ->
        [one] el valor de "{ $name }" ocupa { $size } byte
        [many] el valor de "{ $name }" ocupa { $size } bytes
       *[other] el valor de "{ $name }" ocupa { $size } bytes
    }; { $max ->
        [one] los valores pueden ocupar como máximo { $max } byte
        [many] los valores pueden ocupar como máximo { $max } bytes
       *[other] los valores pueden ocupar como máximo { $max } bytes
    }

## URL del panel (glocal serve --http-listen)

# $value (String) - lo que indicó la URL; $max (Number)
request-window-days = «{ $value }» no es una ventana: indique un número entero de días de 0 a { $max }
# $value (String) - lo que indicó la URL
request-handoff-format-unknown = «{ $value }» no es un formato de entrega; use xliff, csv o ftl
# Sin variables.
request-handoff-locale-missing = es obligatorio: la configuración regional de la tarea que se entrega
