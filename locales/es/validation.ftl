# Por qué un valor de una solicitud o de una opción no es válido: las
# descripciones de las infracciones de campo (enviadas como
# google.rpc.LocalizedMessage a quien envía accept-language) y los motivos en
# las líneas de error y las notas de glocal check. Los valores, etiquetas y
# nombres de campo no se traducen.

validation-required = es obligatorio

## Etiquetas de idioma (BCP 47). $tag (String) - el valor dado

# $suggestion (String) - la etiqueta con guiones, como fr-CA
validation-locale-underscore-fixable = "{ $tag }" no es una etiqueta BCP 47: las subetiquetas se separan con guiones, como en "{ $suggestion }"
validation-locale-underscore = "{ $tag }" no es una etiqueta BCP 47 (las subetiquetas se separan con guiones, como en "fr-CA")
validation-locale-malformed = "{ $tag }" no es una etiqueta de idioma BCP 47 bien formada (como "fr-CA")
validation-locale-language-length = "{ $tag }" no empieza por un código de idioma ISO 639 de 2 o 3 letras (como "fr" en "fr-CA")
validation-locale-no-language = "{ $tag }" no tiene subetiqueta de idioma ("und" no es una configuración regional que un mercado pueda usar)

## Para muchos campos.

# $max (Number) - cuántos caracteres puede tener el campo como máximo
validation-too-long =
    { $max ->
        [one] tiene más de { $max } carácter
        [many] tiene más de { $max } de caracteres
       *[other] tiene más de { $max } caracteres
    }
# Un campo de texto libre, como un nombre visible, contiene caracteres de control.
validation-control-characters = contiene caracteres de control
# $value (String) - un elemento de una lista (un código, una etiqueta, un nombre o una fase) que ya da un elemento anterior
validation-listed-twice = { $value } aparece dos veces
# $value (String) - un elemento de una lista de ids o de patrones de mensaje que ya da un elemento anterior
validation-listed-twice-quoted = "{ $value }" aparece dos veces

## Países (ISO 3166-1), subdivisiones (ISO 3166-2), bloques y monedas (ISO 4217).
## $code (String) - el valor dado

# El país de un mercado está vacío.
validation-country-required = es obligatorio (un código ISO 3166-1 alfa-2, como "CA")
validation-country-malformed = "{ $code }" no es un código de país ISO 3166-1 alfa-2
# $alpha3 (String) - el valor como código alfa-3, como USA
# $alpha2 (String) - el código alfa-2 de ese país, como US
validation-country-alpha3 = "{ $code }" no es un código de país ISO 3166-1 alfa-2 (el código alfa-2 de { $alpha3 } es { $alpha2 })
# El valor es UK, que no es un código; el código del Reino Unido es GB.
validation-country-uk = "UK" no es un código de país ISO 3166-1; el código del Reino Unido es GB
validation-country-unassigned = "{ $code }" no es un código de país ISO 3166-1 alfa-2 asignado
validation-subdivision-malformed = "{ $code }" no es un código de subdivisión ISO 3166-2 de la forma CC-XXX (como "CA-QC")
# $reason (String) - por qué su código de país no es válido: uno de los textos anteriores
validation-subdivision-country = en la subdivisión "{ $code }": { $reason }
# $code (String) - la subdivisión, como FR-IDF
# $country (String) - el código del país al que pertenece, como FR; $countryName (String) - el nombre en inglés de ese país
# $marketCountry (String) - el código del país del mercado, como CA; $marketCountryName (String) - su nombre en inglés
validation-subdivision-other-country = { $code } es una subdivisión de { $country } ({ $countryName }), no del país del mercado, { $marketCountry } ({ $marketCountryName })
# $known (String) - los códigos de los bloques que glocal conoce, separados por comas
validation-bloc-unknown = "{ $code }" no es un bloque conocido; los bloques conocidos son { $known }
# $country (String) - el código del país del mercado; $countryName (String) - su nombre en inglés
# $bloc (String) - el código del bloque, como EU; $blocName (String) - su nombre en inglés, como European Union
validation-bloc-not-member = { $country } ({ $countryName }) no es miembro de { $bloc } ({ $blocName })
# La moneda de un mercado está vacía.
validation-currency-required = es obligatorio (un código ISO 4217, como "CAD")
validation-currency-unknown = "{ $code }" no es un código de moneda ISO 4217

## Mercados.

# El mercado no indica ninguna configuración regional de la tienda.
validation-storefront-locales-required = necesita al menos una etiqueta de idioma BCP 47 (como "fr-CA")
# $locale (String) - la configuración regional predeterminada dada, como de-DE
# $locales (String) - las configuraciones regionales de la tienda del mercado, separadas por comas
validation-default-locale-not-listed = { $locale } no es una de las configuraciones regionales de la tienda [{ $locales }]
# Una clave de los ids externos del mercado está mal formada.
validation-external-id-key = las claves tienen de 1 a 64 letras minúsculas, dígitos y guiones bajos (como "amazon_marketplace_id")
# Un valor de los ids externos del mercado está vacío o es demasiado largo.
validation-external-id-value = los valores tienen de 1 a 256 caracteres

## Fechas.

# $year (String) - el año dado
validation-date-year = el año { $year } no está entre 1 y 9999
# $month (String) - el mes dado
validation-date-month = el mes { $month } no está entre 1 y 12
# $day (String) - el día dado
validation-date-day = el día { $day } no es un día del mes
# $date (String) - la fecha dada, AAAA-MM-DD, como 2023-02-29
validation-date-not-in-calendar = { $date } no es una fecha del calendario
# $value (String) - el texto dado
validation-date-format = "{ $value }" no es una fecha de la forma AAAA-MM-DD

## Ids y nombres de recursos. $name (String) - el nombre dado

# $id (String) - el id dado; $max (Number) - cuántos caracteres puede tener un id como máximo
validation-id-too-long =
    { $max ->
        [one] "{ $id }" tiene más de { $max } carácter
        [many] "{ $id }" tiene más de { $max } de caracteres
       *[other] "{ $id }" tiene más de { $max } caracteres
    }
# $id (String) - el id dado
validation-id-malformed = "{ $id }" no es un id válido: usa letras minúsculas, dígitos y guiones, empezando por una letra y sin terminar en guion
# $pattern (String) - la forma esperada de los nombres, como markets/{market}
validation-name-malformed = "{ $name }" no es un nombre de recurso de la forma { $pattern }
validation-name-unknown-kind = "{ $name }" no es un nombre de recurso como markets/ca, requirements/r, products/p o products/p/variants/v
# $reason (String) - por qué una parte del nombre no es válida, como su configuración regional: uno de los textos de este archivo
validation-name-part = en "{ $name }": { $reason }
# $reason (String) - por qué un id del nombre no es válido: validation-required, validation-id-too-long o validation-id-malformed
validation-name-id = en "{ $name }": el id { $reason }
# $locale (String) - la configuración regional del nombre con las mayúsculas canónicas, como fr-CA
validation-name-locale-case = en "{ $name }": escribe la configuración regional como { $locale }
# $pattern (String) - la forma esperada del nombre, como markets/{market}
validation-name-required = es obligatorio ({ $pattern })

## Paquetes y sus archivos. $path (String) - la ruta de archivo dada

# La ruta del archivo está vacía.
validation-path-empty = es obligatorio (la ruta "" está vacía)
# $max (Number) - cuántos bytes puede tener una ruta como máximo
validation-path-too-long =
    { $max ->
        [one] "{ $path }" tiene más de { $max } byte
        [many] "{ $path }" tiene más de { $max } de bytes
       *[other] "{ $path }" tiene más de { $max } bytes
    }
validation-path-absolute = "{ $path }" debe ser relativa (sin '/' inicial)
validation-path-backslash = "{ $path }" debe separar las carpetas con '/', no con '\'
validation-path-not-ftl = "{ $path }" debe terminar en .ftl
validation-path-segments = "{ $path }" no debe tener segmentos vacíos, '.' ni '..'
validation-path-control-characters = "{ $path }" no debe contener caracteres de control
# $name (String) - el nombre de paquete dado
validation-bundle-name-malformed = "{ $name }" no es un nombre de paquete de la forma products/{"{"}product{"}"}/bundles/{"{"}locale{"}"}

## Productos y variantes.

# La configuración regional de origen del producto está vacía.
validation-source-locale-required = es obligatorio (la etiqueta BCP 47 del idioma en que están escritos los textos, como "en-US")
# El directorio de los archivos Fluent del producto está vacío.
validation-directory-required = es obligatorio (como "locales")
# El directorio de los archivos Fluent del producto es absoluto o usa barras invertidas.
validation-directory-relative = debe ser una ruta relativa con '/' como separador
# Al layout de los archivos Fluent del producto le falta el marcador {locale}.
validation-layout-no-locale = debe contener {"{"}locale{"}"} (como "{"{"}locale{"}"}/**/*.ftl")
# El layout de los archivos Fluent del producto no designa archivos .ftl.
validation-layout-not-ftl = debe terminar en .ftl (como "{"{"}locale{"}"}/**/*.ftl")
# El layout de los archivos Fluent del producto sale de su directorio.
validation-layout-outside = debe quedarse dentro del directorio (sin '/' inicial ni '..')
# El SKU de la variante es demasiado largo o contiene caracteres de control.
validation-sku = tiene como máximo 64 caracteres imprimibles
# Una clave de los atributos de la variante está mal formada.
validation-attribute-key = las claves tienen de 1 a 64 letras minúsculas, dígitos, '-' y '_'
# Un valor de los atributos de la variante es demasiado largo.
validation-attribute-value = los valores tienen como máximo 256 caracteres

## Requisitos.

# $pattern (String) - el id o patrón de mensaje dado
validation-message-pattern = "{ $pattern }" no es un id de mensaje Fluent ni un patrón de ids (como "imprint-address" o "imprint-*")
# El requisito no tiene jurisdicción; country, subdivision y bloc son nombres de campo.
validation-jurisdiction-required = es obligatorio: indica country, subdivision o bloc
# El tipo del requisito no está especificado.
validation-kind-required = es obligatorio (como REQUIREMENT_KIND_LEGAL_LANGUAGE)
# El resumen del requisito está vacío.
validation-summary-required = es obligatorio: di qué exige la norma
# $url (String) - la URL de origen dada
validation-url = "{ $url }" no es una URL http ni https
# $until (String) - el último día de vigencia, AAAA-MM-DD; $from (String) - el primero (effective_from es un nombre de campo)
validation-effective-until-before = { $until } es anterior a effective_from { $from }
# $locale (String) - una configuración regional que ya nombra una regla anterior del requisito
validation-locale-two-rules = { $locale } tiene dos reglas
# Una segunda regla de configuración regional del requisito indica must_be_default.
validation-one-default-locale = solo se puede exigir una configuración regional como predeterminada

## Lanzamientos y hojas de ruta.

# $variant (String) - el nombre de la variante; $product (String) - el nombre del producto del lanzamiento
validation-launch-variant-of-other-product = { $variant } no es una variante de { $product }
validation-weight = debe ser un número finito no menor que 0, no { $value }
# El lanzamiento no tiene ninguna fase.
validation-phases-required = necesita al menos una fase con su fecha
# Una fase del lanzamiento no está especificada; ALPHA, BETA y GA son sus valores.
validation-phase-required = es obligatorio (ALPHA, BETA o GA)
# $phase (String) - una fase, como GA; $date (String) - su fecha, AAAA-MM-DD
# $earlierPhase (String) - la fase que va antes, como BETA; $earlierDate (String) - su fecha, que es posterior
validation-phase-order = { $phase } el { $date } es anterior a { $earlierPhase } el { $earlierDate }; las fases deben ir en orden
# $selector (String) - el elemento dado: ni un id de mensaje, ni un patrón de ids, ni una ruta .ftl
validation-message-selector = "{ $selector }" no es un id de mensaje Fluent ni un patrón de ids (como "imprint-address" o "imprint-*"); un archivo se nombra por su ruta, como "checkout/cart.ftl"
# $id (String) - el id del elemento de la hoja de ruta, que también tiene un elemento anterior
validation-item-id-taken = "{ $id }" ya lo usa otro elemento
# El elemento de la hoja de ruta no nombra ningún mensaje.
validation-messages-required = necesita al menos un id de mensaje, un patrón de ids o una ruta de archivo
# La exención no da ningún motivo.
validation-waiver-reason-required = es obligatorio: di por qué se acepta la carencia
# La exención no nombra a quien la aprobó.
validation-waiver-approver-required = es obligatorio: di quién aceptó la carencia

## Límites de una solicitud.

# La última infracción de una solicitud que tiene demasiadas para listarlas todas, en lugar de las demás.
# $count (Number) - cuántas infracciones se omitieron
validation-more-violations =
    { $count ->
        [one] y { $count } infracción más, no listada
        [many] y { $count } de infracciones más, no listadas
       *[other] y { $count } infracciones más, no listadas
    }
# Una lista o un mapa de una solicitud tiene más elementos de los que glocal acepta.
# $max (Number) - el número máximo de elementos
validation-too-many-entries =
    { $max ->
        [one] admite como máximo { $max } elemento
        [many] admite como máximo { $max } de elementos
       *[other] admite como máximo { $max } elementos
    }
