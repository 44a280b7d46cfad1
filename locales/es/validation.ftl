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
