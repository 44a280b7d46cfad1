# Textos de `glocal check`: líneas de error, notas, encabezados del informe,
# líneas de resumen y la ayuda de cada regla. El programa rellena las variables;
# los nombres de las opciones (--source), los ids de las reglas
# (missing-message), los nombres de archivo y el marcador {"{"}locale{"}"} se
# mantienen igual en todos los idiomas.

## Líneas de error (código de salida 2), impresas tras el prefijo de error.

# $flag (String) - la opción de la línea de comandos, como --source
# $path (String) - la ruta indicada
check-not-a-directory = { $flag } { $path }: no existe el directorio
check-cannot-read = no se puede leer { $path }: { $error }
check-history-bad-line = { $path }:{ $line }: no es una instantánea de cobertura: { $error }
check-not-utf8 = { $path } no es texto UTF-8; los archivos Fluent deben estar en UTF-8
# Una carpeta del árbol de configuraciones regionales contiene más carpetas de las que glocal recorre siguiendo enlaces simbólicos.
# $path (String) - la carpeta recorrida; $max (Number) - el número máximo de carpetas recorridas bajo una carpeta
check-too-many-folders =
    { $max ->
        [one] { $path } contiene más de { $max } carpeta (siguiendo enlaces simbólicos); ¿sale algún enlace simbólico del árbol de configuraciones regionales?
        [many] { $path } contiene más de { $max } de carpetas (siguiendo enlaces simbólicos); ¿sale algún enlace simbólico del árbol de configuraciones regionales?
       *[other] { $path } contiene más de { $max } carpetas (siguiendo enlaces simbólicos); ¿sale algún enlace simbólico del árbol de configuraciones regionales?
    }
# $format (String) - el formato del informe, como SARIF o JSON
check-cannot-write = no se puede escribir el informe { $format } en { $path }: { $error }
check-no-mode = indica qué comprobar: --source DIR --l10n DIR (modo lint), --plan PLAN (modo plan) o --server URL --roadmap NAME (modo servidor)
# $first, $second (String) - dos opciones que eligen modos distintos
check-two-modes = { $first } y { $second } eligen modos distintos; usa solo uno de --source/--l10n, --plan o --server
check-lint-needs-both = el modo lint necesita tanto --source DIR como --l10n DIR; falta { $missing }
# $modes (String) - los modos, como «los modos plan y servidor»
check-flag-needs-mode = { $flag } solo se aplica en { $modes }
check-modes-plan-and-server = los modos plan y servidor
check-modes-server = el modo servidor
check-modes-plan = el modo plan
check-server-needs-roadmap = --server necesita --roadmap products/PRODUCT/roadmaps/ROADMAP
# $why (String) - por qué el valor no es válido (del programa, en inglés)
check-bad-locale = { $flag } { $value }: { $why }
check-bad-date = --as-of { $value }: { $why }
check-bad-min-coverage = { $why } (usa un porcentaje como 80, o LOCALE=PERCENT como fr=95)
check-percent-out-of-range = el porcentaje debe ser un número entre 0 y 100
# $what (String) - una configuración regional, o el texto de check-min-coverage-default
check-min-coverage-twice = --min-coverage indica { $what } dos veces
check-min-coverage-default = un mínimo predeterminado
check-bad-roadmap-name = --roadmap { $value }: { $why } (el modo servidor necesita el nombre completo, products/PRODUCT/roadmaps/ROADMAP)
check-bad-lang = --lang { $value }: glocal no tiene textos en ese idioma; los disponibles son { $available }
# $position (String) - archivo:línea:columna
# $more (Number) - cuántos problemas más tiene el archivo
check-bad-plan =
    { $more ->
        [0] { $position }: { $message }
        [one] { $position }: { $message } (y 1 problema más)
        [many] { $position }: { $message } (y { $more } problemas más)
       *[other] { $position }: { $message } (y { $more } problemas más)
    }
check-plan-without-fluent = { $plan }: el plan no indica dónde están sus archivos Fluent; añade una tabla [product.fluent] con las claves directory y layout (por ejemplo, directory = "locales", layout = "{"{"}locale{"}"}/**/*.ftl")
check-bad-layout = { $plan }: [product.fluent] layout "{ $layout }": { $why }
check-layout-needs-locale-folder = {"{"}locale{"}"} debe ser un nombre de carpeta completo, como "{"{"}locale{"}"}/**/*.ftl"
check-layout-plain-prefix = las carpetas anteriores a {"{"}locale{"}"} deben ser nombres simples
check-layout-needs-ftl = el patrón que sigue a {"{"}locale{"}"}/ debe designar archivos .ftl, como "{"{"}locale{"}"}/**/*.ftl"
check-layout-bad-glob = el patrón que sigue a {"{"}locale{"}"}/ no es un glob válido: { $why }
check-no-source-folder = no hay ninguna carpeta para la configuración regional de origen { $locale } en { $dir }
check-plan-has-no-roadmap = { $plan }: --roadmap { $roadmap }: el plan no tiene ninguna hoja de ruta
# $known (String) - los ids de las hojas de ruta del plan, separados por comas
check-unknown-roadmap = { $plan }: --roadmap { $roadmap }: el plan no tiene esa hoja de ruta (sus hojas de ruta son { $known })
check-bad-baseline = --baseline { $path }: { $why }
check-baseline-not-a-report = no es un informe JSON escrito por glocal check --json ({ $why })
# $found, $supported (Number) - versiones del esquema
check-baseline-schema = el informe tiene schema_version { $found }; esta versión de glocal lee schema_version { $supported } o anterior
# $why (String) - qué falla en el valor (del programa, en inglés)
check-bad-market-window = { $why } (usa MARKET=DAYS, como jp=30)
check-market-window-twice = --market-window indica { $market } dos veces
check-market-window-no-equals = "{ $value }" no contiene '='
check-market-window-not-days = "{ $value }" no es un número de días
check-push-failed = --push { $dir }: la carga falló (ver arriba); no se comprobó nada

## Notas, impresas con el informe y guardadas en el informe JSON.

check-skipped-source-folder = se omitió { $folder }/: es la carpeta de origen
check-skipped-not-locale = se omitió { $folder }/: no es una carpeta de configuración regional ({ $why })
check-skipped-same-locale = se omitió { $folder }/: es la misma configuración regional que { $first }/
# Una carpeta de --l10n es un enlace simbólico que no lleva a ninguna parte (o a sí mismo).
# $folder (String) - el nombre del enlace; $error (String) - el motivo que da el sistema
check-skipped-broken-link = se omitió { $folder }/: es un enlace simbólico que no lleva a ninguna parte ({ $error })
check-nothing-to-translate = { $source } no tiene mensajes Fluent: no hay nada que traducir
check-no-locale-folders = no hay carpetas de configuración regional en { $dir }: no hay nada que comparar
check-html-plan-only = --html escribe la página del panel de un plan: úsalo con --plan (un servidor sirve su propio panel: glocal serve --http-listen)
# $plan (String) - el archivo del plan, $known (String) - sus hojas de ruta
check-html-needs-roadmap = { $plan } tiene varias hojas de ruta ({ $known }): indica con --roadmap cuál muestra --html
check-plan-without-roadmaps = { $plan } no tiene ninguna hoja de ruta: no hay nada que comprobar
check-requested-locale-missing = --locale { $locale }: no hay carpeta; se informa como configuración regional ausente
check-threshold-locale-unchecked = ninguna configuración regional comprobada coincide con --min-coverage { $locale }=...: se cuenta como cubierta al 0 %
check-market-window-unused = --market-window { $market }=...: ningún lanzamiento de las hojas de ruta comprobadas tiene lugar en ese mercado, así que la ventana no cambia nada

# $kept, $total (Number) - resultados escritos, resultados encontrados
check-sarif-truncated = el informe SARIF contiene { $kept } de { $total } resultados, primero los más graves (--sarif-max-results); el informe JSON los contiene todos

## El informe de texto.

# $mode (String) - lint, plan o server
# $locales (Number) - cuántas configuraciones regionales se comprobaron
check-text-title =
    glocal check ({ $mode }): { $locales ->
        [one] 1 configuración regional
        [many] { $locales } configuraciones regionales
       *[other] { $locales } configuraciones regionales
    } frente a { $source }
# $verdict (String) - READY, AT_RISK o BLOCKED
check-roadmap-line = hoja de ruta { $name } a fecha de { $date }: { $verdict }
# $when (String) - el texto de check-days
check-launch-line = { $launch } en { $market } el { $date } ({ $when }): { $verdict }
check-forecast-on-track = previsión ON_TRACK{ $eta ->
    [none] {""}
   *[other] {""}, lista el { $eta }
}
check-forecast-late = previsión LATE por { $days ->
    [one] 1 día
    [many] { $days } días
   *[other] { $days } días
}, lista el { $eta }
check-forecast-no-data = previsión NO_DATA (sin progreso registrado para { $bundles })
# $days (Number) - días hasta la fecha; negativo si ya pasó
check-days =
    { $days ->
        [0] hoy
        [1] dentro de 1 día
        [one] dentro de { $days } día
        [many] dentro de { $days } días
       *[other] dentro de { $days } días
    }
# $days (Number) - días desde la fecha
check-days-ago =
    { $days ->
        [one] hace 1 día
        [many] hace { $days } días
       *[other] hace { $days } días
    }
check-market-heading = mercado { $market }
check-no-market-heading = hoja de ruta
check-locale-served-by = { $locale } (servida por { $bundle })
# El bloque del informe de texto que dice qué desbloquea los lanzamientos.
check-todo-heading = por traducir, por fecha límite:
check-todo-line =
    vence el { $due }: { $locale } para { $launch }, { $messages ->
        [one] 1 mensaje
        [many] { $messages } mensajes
       *[other] { $messages } mensajes
    } ({ $words ->
        [one] 1 palabra
        [many] { $words } palabras
       *[other] { $words } palabras
    })
check-todo-blocks = bloquea hoy
check-tasks-heading = tareas de traducción, la más urgente primero:
check-task-line =
    { $rank }. { $locale }{ $new ->
        [yes] {" "}(paquete nuevo)
       *[no] {""}
    }: { $messages ->
        [one] 1 mensaje
        [many] { $messages } mensajes
       *[other] { $messages } mensajes
    } ({ $words ->
        [one] 1 palabra
        [many] { $words } palabras
       *[other] { $words } palabras
    }), vence el { $due }, puntuación { $score }
check-task-eta = lista el { $eta } a { $speed } palabras al día
check-task-launch =
    para { $launch } ({ $locales }, peso { $weight }{ $laws ->
        [none] {""}
       *[other] , ley: { $laws }
    })
check-markdown-tasks = Tareas de traducción, la más urgente primero
check-column-rank = #
check-column-bundle = Paquete
check-column-score = Puntuación
check-column-unblocks = Desbloquea
check-task-new-bundle = nuevo
check-task-law = ley
# $percent (String) - el texto de check-percent
check-locale-stats = { $translated }/{ $total } mensajes ({ $percent }), { $translatedWords }/{ $totalWords } palabras
check-not-served = ningún paquete la sirve
# $value (String) - un número con un decimal, como 84.6
check-percent = { $value } %
check-threshold-failed = { $place }: la cobertura del { $percent } es inferior al mínimo del { $minimum }
check-threshold-place = { $locale } en { $market }
check-baselined-mark = (en la línea base)
check-count-errors =
    { $count ->
        [one] 1 error
        [many] { $count } errores
       *[other] { $count } errores
    }
check-count-warnings =
    { $count ->
        [one] 1 advertencia
        [many] { $count } advertencias
       *[other] { $count } advertencias
    }
check-count-notes =
    { $count ->
        [one] 1 nota
        [many] { $count } notas
       *[other] { $count } notas
    }
check-count-baselined = { $count } ya en la línea base
check-list-separator = {", "}
check-clause-separator = {"; "}
check-note-line = nota: { $note }
check-locale-line = { $locale }: { $stats }
check-decimal-separator = {","}
check-summary-passed =
    SUPERADO: nada bloqueante ({ $counts }) en { $locales ->
        [one] 1 configuración regional
        [many] { $locales } configuraciones regionales
       *[other] { $locales } configuraciones regionales
    }
check-summary-failed =
    FALLIDO: { $blocking ->
        [one] 1 hallazgo bloqueante
        [many] { $blocking } hallazgos bloqueantes
       *[other] { $blocking } hallazgos bloqueantes
    } ({ $counts }) en { $locales ->
        [one] 1 configuración regional
        [many] { $locales } configuraciones regionales
       *[other] { $locales } configuraciones regionales
    }
check-summary-below-minimum =
    { $locales ->
        [one] 1 configuración regional
        [many] { $locales } configuraciones regionales
       *[other] { $locales } configuraciones regionales
    } por debajo de la cobertura mínima

## El informe Markdown (un comentario de pull request o un resumen del trabajo).

check-markdown-passed = glocal check: ✅ superado
check-markdown-failed =
    glocal check: ❌ { $blocking ->
        [one] 1 hallazgo bloqueante
        [many] { $blocking } hallazgos bloqueantes
       *[other] { $blocking } hallazgos bloqueantes
    }
check-column-market = Mercado
check-column-locale = Configuración regional
check-column-messages = Mensajes
check-column-words = Palabras
check-column-coverage = Cobertura
check-column-errors = Errores
check-column-warnings = Advertencias
check-column-launch = Lanzamiento
check-column-date = Fecha
check-column-days = Días
check-column-verdict = Veredicto
check-column-where = Ubicación
check-column-rule = Regla
check-column-message = Mensaje
check-column-detail = Detalle
check-markdown-findings-all = Hallazgos ({ $total })
check-markdown-findings-top = Hallazgos principales ({ $shown } de { $total })
check-markdown-launches = Lanzamientos
check-markdown-todo = Qué desbloquea los lanzamientos
check-column-due = Vence
check-markdown-coverage = Cobertura
check-markdown-notes = Notas
check-markdown-findings-left-out =
    … y { $count ->
        [one] 1 hallazgo más, omitido
        [many] { $count } hallazgos más, omitidos
       *[other] { $count } hallazgos más, omitidos
    } para no superar el tamaño de un comentario de pull request; los informes JSON, SARIF y JUnit contienen todos los hallazgos.
check-markdown-rows-left-out =
    … y { $count ->
        [one] 1 fila más, omitida
        [many] { $count } filas más, omitidas
       *[other] { $count } filas más, omitidas
    } para no superar el tamaño de un comentario de pull request.

## JUnit XML y anotaciones de GitHub.

check-junit-suite-locales = configuraciones regionales
check-junit-suite-roadmap = hoja de ruta
check-junit-blocking =
    { $count ->
        [one] 1 hallazgo bloqueante
        [many] { $count } hallazgos bloqueantes
       *[other] { $count } hallazgos bloqueantes
    }
check-junit-below-minimum = cobertura por debajo del mínimo

## Las reglas: un resumen de una línea y un texto de ayuda (SARIF, GitHub).

rule-min-coverage = La cobertura de una configuración regional está por debajo de su mínimo.
    .help = La proporción de mensajes de origen que la configuración regional traduce por completo (en los modos plan y servidor: de los mensajes que necesitan sus mercados, incluido el respaldo) está por debajo del mínimo establecido con --min-coverage. Traduce los mensajes que faltan o reduce el mínimo.
rule-missing-locale = Ningún paquete sirve una configuración regional necesaria.
    .help = La configuración regional no tiene ningún archivo Fluent (modo lint), o ningún paquete la satisface según su política de coincidencia (modos plan y servidor). Faltan todos los mensajes que necesita. Añade la carpeta de la configuración regional con sus traducciones.
rule-missing-message = Un mensaje o término de origen no está traducido.
    .help = El origen define el mensaje (o término) y la configuración regional no. El hallazgo indica el archivo de origen: la traducción va en el archivo de la configuración regional que tiene la misma ruta.
rule-missing-value = La traducción solo tiene atributos; el origen, un valor.
    .help = El mensaje de origen tiene un valor; el mensaje de la configuración regional solo tiene atributos, así que el código que formatea el mensaje no obtiene nada. Traduce el valor.
rule-missing-attribute = Un atributo de origen no está traducido.
    .help = El mensaje de origen tiene el atributo (`id.attr`); al mensaje de la configuración regional le falta. Añade el atributo a la traducción.
rule-obsolete-message = La configuración regional define un mensaje que el origen ya no tiene.
    .help = El mensaje (o término) no está en el origen: allí se eliminó o se le cambió el nombre. Elimínalo de la configuración regional o cámbiale el nombre.
rule-duplicate-id = Un identificador está definido dos veces.
    .help = La configuración regional define el identificador dos veces (en un archivo o en dos archivos del paquete); Fluent usa la primera definición e ignora la otra. Conserva solo una.
rule-syntax-error = Parte de un archivo no es Fluent válido.
    .help = El analizador de Fluent rechazó parte del archivo, en la posición indicada; las entradas de esa parte se pierden. Corrige la sintaxis.
rule-unknown-variable = La traducción usa una variable que el origen nunca pasa.
    .help = La traducción usa una `$variable` que el mensaje de origen no usa en ninguna parte, así que el código nunca la pasa y el lector ve un marcador de error. Usa las variables del origen.
rule-dropped-variable = La traducción omite una variable que el origen muestra.
    .help = Una variante de la traducción no muestra una `$variable` que el origen sí muestra. Las variantes plurales exactas (`[one]`) y los idiomas con una sola forma plural pueden omitir el número; en los demás casos, muéstralo.
rule-unresolved-reference = Una referencia a un mensaje o término no se resuelve.
    .help = La traducción hace referencia a un mensaje o término (o a uno de sus atributos) que no define ni la configuración regional ni el origen. Corrige la referencia o añade la entrada.
rule-missing-plural-category = A una selección de plural le falta una categoría que el idioma necesita.
    .help = A una selección numérica de la traducción le falta una categoría de plural de CLDR del idioma de la configuración regional (como `few` y `many` en polaco), así que algunos números reciben la variante predeterminada. Añade las variantes.
rule-identical-to-source = La traducción es el texto de origen.
    .help = El texto traducido es idéntico al de origen; probablemente quedó sin traducir. Tradúcelo o permite la copia con --identical-allowed ID.
rule-unknown-message = Una hoja de ruta nombra un mensaje que el origen no define.
    .help = Un elemento de una hoja de ruta nombra un identificador, un patrón o un archivo que no coincide con nada del paquete de origen. Añade los mensajes al origen o corrige la hoja de ruta.
rule-fallback-used = Una configuración regional se sirve desde otro paquete de su cadena de respaldo.
    .help = La configuración regional necesaria no tiene un paquete propio; la sirve otro paquete de su cadena de respaldo de CLDR (como `fr` para `fr-CA`). Es una nota, no un problema.

check-modes-lint = el modo lint
check-modes-lint-and-plan = los modos lint y plan
rule-unknown-feature = Una variante incluye una función que ningún elemento de la hoja de ruta tiene.
    .help = Las funciones de una variante nombran elementos de la hoja de ruta; una que no nombra ninguno no exige nada, lo que casi seguro es una errata. Corrige las funciones de la variante o añade el elemento a la hoja de ruta.
check-folder-read-as = { $folder }/ no es una etiqueta de configuración regional BCP 47: se informa como { $folder } y se comprueba con los datos CLDR de { $tag }

## Modo servidor: la hoja de ruta por id con --product.

check-server-bad-product = --product { $value }: { $why }
check-server-product-mismatch = --roadmap { $roadmap } no es una hoja de ruta de --product { $product }; indique solo uno de los dos, o haga que coincidan
check-server-roadmap-needs-product = --roadmap { $value } es un id de hoja de ruta: indique su producto con --product PRODUCT, o el nombre completo products/PRODUCT/roadmaps/{ $value }
check-server-bad-roadmap-id = --roadmap { $value }: { $why }

## El titular cuando hoy nada bloquea pero un lanzamiento está AT_RISK.

check-summary-at-risk-launches =
    { $launches ->
        [one] 1 lanzamiento AT_RISK, primer vencimiento el { $date }
        [many] { $launches } lanzamientos AT_RISK, primer vencimiento el { $date }
       *[other] { $launches } lanzamientos AT_RISK, primer vencimiento el { $date }
    }
check-summary-at-risk =
    hoy nada bloquea; { $risk } ({ $counts }) en { $locales ->
        [one] 1 configuración regional
        [many] { $locales } configuraciones regionales
       *[other] { $locales } configuraciones regionales
    }
check-markdown-at-risk = glocal check: ⚠️ hoy nada bloquea; { $risk }

rule-unused-waiver = Una exención de la hoja de ruta no coincide con ninguna carencia de ningún lanzamiento.
    .help = Una exención disculpa las carencias que causa un requisito; una que no disculpa nada está obsoleta o nombra el requisito equivocado. Elimina la exención o corrige su requisito.
# $reasons (String) - textos de check-reason-*, separados por comas; $due (String) - AAAA-MM-DD
check-why = — { $reasons }, vence el { $due }
# $market (String) - el nombre del mercado
check-reason-storefront-default = configuración regional predeterminada de la tienda de { $market }
# $launch (String) - el nombre del lanzamiento
check-reason-launch-locale = incluida en el lanzamiento { $launch }
# $requirement (String) - el resumen del requisito
check-reason-requirement = exigida por { $requirement }
# $requirement (String) - el resumen; $reference (String) - la referencia legal
check-reason-requirement-legal = exigida por { $requirement } ({ $reference })
# $item (String) - el id del elemento
check-reason-roadmap-item = elemento de la hoja de ruta { $item }
# $variant (String) - el nombre de la variante
check-reason-variant = exigida por la variante { $variant }

## glocal handoff

handoff-no-output = indica dónde escribir la entrega: --xliff DIR, --csv DIR o --ftl DIR
handoff-cannot-export = no se puede exportar la entrega de { $roadmap }
handoff-written = { $files ->
    [one] se escribió 1 archivo de entrega
    [many] se escribieron { $files } archivos de entrega
   *[other] se escribieron { $files } archivos de entrega
}
handoff-no-source-folder = la comprobación no tiene carpeta de origen de la que leer los mensajes
handoff-import-refused = { $count ->
    [one] 1 problema en los archivos traducidos; no se escribió nada
    [many] { $count } problemas en los archivos traducidos; no se escribió nada
   *[other] { $count } problemas en los archivos traducidos; no se escribió nada
}
handoff-bad-path = { $file }: { $path } no es una ruta de archivo Fluent de un árbol de configuraciones regionales; no se escribió nada
handoff-imported = se importaron { $messages ->
    [one] 1 mensaje
    [many] { $messages } mensajes
   *[other] { $messages } mensajes
} en { $files ->
    [one] 1 archivo
    [many] { $files } archivos
   *[other] { $files } archivos
}
handoff-cannot-write = no se puede escribir { $path }: { $error }

## glocal pseudo

pseudo-needs-out = una carpeta necesita --out DIR para su copia pseudolocalizada
pseudo-written = { $files ->
    [one] se escribió 1 archivo ({ $transform }) en { $out }
    [many] se escribieron { $files } archivos ({ $transform }) en { $out }
   *[other] se escribieron { $files } archivos ({ $transform }) en { $out }
}
