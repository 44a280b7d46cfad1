# Detalles de los hallazgos: lo que la comprobación encontró sobre un mensaje de
# una configuración regional. Los informes los muestran tras el id de la regla y
# el id del mensaje. Los ids de mensaje, las variables ($name), los nombres de
# archivo, las etiquetas de configuración regional y los selectores se mantienen
# igual en todos los idiomas.

## Muchos detalles indican a qué parte de un mensaje se refieren:
## $part (String) - value o attribute; $attribute (String) - el nombre del atributo

# $count (Number) - mensajes y términos del origen
finding-missing-locale = la configuración regional no tiene ningún archivo de paquete; mensajes y términos del origen: { $count }
# $parser (String) - el mensaje del analizador de Fluent, en inglés
# $line, $column (Number) - dónde termina el texto que no se puede analizar
finding-syntax-error = { $parser } (hasta la línea { $line }, columna { $column })
# $id (String) - el id del mensaje; $line (Number) - la línea de su primera definición
finding-duplicate-in-file = identificador { $id } duplicado; primera definición en la línea { $line }
# $file (String) - el archivo de la primera definición
finding-duplicate-in-bundle = identificador { $id } duplicado; primera definición en { $file }
# $kind (String) - message o term
finding-missing-message =
    { $kind ->
        [term] el término { $id } no está traducido
       *[message] el mensaje { $id } no está traducido
    }
finding-missing-value = { $id } tiene un valor en el origen; aquí solo tiene atributos
finding-missing-attribute = a { $id } le falta el atributo .{ $attribute }
finding-obsolete-message =
    { $kind ->
        [term] el término { $id } no está en el origen
       *[message] el mensaje { $id } no está en el origen
    }
# $variables (String) - las variables, como «$user, $count»
finding-unknown-variable =
    { $part ->
        [attribute] el atributo .{ $attribute } usa { $variables }, que el mensaje de origen nunca usa
       *[value] el valor usa { $variables }, que el mensaje de origen nunca usa
    }
# $variable (String) - el nombre de una variable, sin $
# $variants (String) - los textos de finding-own-text o finding-variant, separados por comas
finding-dropped-variable =
    { $part ->
        [attribute] el atributo .{ $attribute } omite ${ $variable }, que el origen muestra, en { $variants }
       *[value] el valor omite ${ $variable }, que el origen muestra, en { $variants }
    }
# El texto de un patrón sin variantes.
finding-own-text = su texto
# $keys (String) - las claves de la variante, como [one] o [masculine][other]
finding-variant = la variante { $keys }
finding-identical-to-source =
    { $part ->
        [attribute] el atributo .{ $attribute } es el texto de origen, sin traducir
       *[value] el valor es el texto de origen, sin traducir
    }
# $reference (String) - el id al que se hace referencia, como -brand o menu.title
finding-unresolved-reference =
    { $part ->
        [attribute]
            { $kind ->
                [term] el atributo .{ $attribute } hace referencia al término { $reference }, que no define ni la configuración regional ni el origen
               *[message] el atributo .{ $attribute } hace referencia al mensaje { $reference }, que no define ni la configuración regional ni el origen
            }
       *[value]
            { $kind ->
                [term] el valor hace referencia al término { $reference }, que no define ni la configuración regional ni el origen
               *[message] el valor hace referencia al mensaje { $reference }, que no define ni la configuración regional ni el origen
            }
    }
# $selector (String) - el selector, como $count
# $missing, $categories (String) - categorías de plural de CLDR, como «few, many»
# $locale (String) - la configuración regional
finding-missing-plural-category =
    { $part ->
        [attribute] el atributo .{ $attribute } selecciona según { $selector } sin las categorías de plural { $missing } ({ $locale } necesita { $categories })
       *[value] el valor selecciona según { $selector } sin las categorías de plural { $missing } ({ $locale } necesita { $categories })
    }

## Comprobaciones de la hoja de ruta.

# $item (String) - el id del elemento de la hoja de ruta; $selector (String) - lo que nombra
finding-unknown-message = el elemento "{ $item }" de la hoja de ruta nombra "{ $selector }", que el paquete de origen no define
# $locale (String) - la configuración regional necesaria; $bundle (String) - el paquete que la sirve
finding-fallback-used = el paquete { $bundle } sirve { $count } de los { $needed } mensajes necesarios
# $policy (String) - la política de coincidencia: EXACT, CLDR_FALLBACK o SAME_LANGUAGE
# $count (Number) - mensajes necesarios; $words (Number) - sus palabras
finding-no-bundle-serves =
    { $count ->
        [one] ningún paquete sirve { $locale } según la política { $policy }; falta { $count } mensaje necesario ({ $words } palabras)
        [many] ningún paquete sirve { $locale } según la política { $policy }; faltan { $count } mensajes necesarios ({ $words } palabras)
       *[other] ningún paquete sirve { $locale } según la política { $policy }; faltan { $count } mensajes necesarios ({ $words } palabras)
    }
# Tras el detalle de un hallazgo en un paquete que sirve otra configuración regional.
finding-served-by = (en el paquete { $bundle }, que sirve { $locale })
# Tras el detalle de una carencia que las exenciones justifican.
# $waivers (String) - textos de finding-waiver, separados por punto y coma
finding-waived = ({ $waivers })
# Tras el detalle de un hallazgo sobre una configuración regional opcional de la
# tienda (que el lanzamiento no incluye y ningún requisito exige): solo INFO.
# $locale (String) - la configuración regional, como fr-FR
finding-optional-locale = (opcional: el lanzamiento no incluye { $locale })
# $requirement (String) - el nombre del requisito; $approver (String) - quién la aprobó
# $expiry (String) - el último día, AAAA-MM-DD; $reason (String) - el motivo, en palabras de la exención
finding-waiver = exención de { $requirement } aprobada por { $approver } hasta el { $expiry }: { $reason }
finding-waiver-open-ended = exención de { $requirement } aprobada por { $approver } hasta nuevo aviso: { $reason }

# Tras el detalle de un mensaje que falta cuando también se buscó en paquetes de su cadena de respaldo.
# $bundles (String) - los paquetes en que se buscó, en orden, separados por comas
finding-looked-in = (buscado en { $bundles })
# $variant (String) - el nombre de la variante; $feature (String) - el identificador de la función; $items (String) - los elementos de la hoja de ruta, separados por comas
finding-unknown-feature = la variante { $variant } incluye la función "{ $feature }", que ningún elemento de las hojas de ruta del producto tiene (elementos de esta hoja de ruta: { $items })

# $item (String) - el id del elemento; $requirement (String) - el nombre del requisito; $approver (String) - quién la aprobó
finding-unused-waiver = la exención del elemento { $item } para { $requirement } (aprobada por { $approver }) no coincide con ninguna carencia de ningún lanzamiento
