# El panel de glocal (glocal serve --http-listen, glocal check --html).

## Formatos

# $year, $month, $day (String) - el año, y el mes y el día con dos cifras
dashboard-date = { $day }/{ $month }/{ $year }
# $value (String) - un número con un decimal
dashboard-percent = { $value }{"\u00A0"}%

## Marco de la página

dashboard-app-name = panel de glocal
dashboard-skip = Saltar al contenido
dashboard-nav-products = Todos los productos
dashboard-logout = Cerrar sesión
dashboard-language = Idioma
# $date (String) - una fecha, $source (String) - el archivo del plan
dashboard-static-note = Generado por glocal check el { $date } a partir de { $source }; abre el panel en vivo con glocal serve --http-listen.

## Productos

dashboard-products-title = Productos
dashboard-products-empty = Todavía no hay ningún producto. Importa un plan con: glocal import PLAN.toml
dashboard-col-product = Producto
dashboard-col-source-locale = Configuración regional de origen
dashboard-col-display-name = Nombre

## Página del producto

# $product (String) - el nombre visible del producto
dashboard-product-title = { $product }: preparación para la localización
dashboard-controls = Ajustes de la comprobación
dashboard-controls-roadmap = Hoja de ruta
dashboard-controls-as-of = A fecha de
dashboard-controls-window = Ventana antes de una fecha requerida (días)
dashboard-controls-apply = Comprobar
dashboard-no-roadmap = Este producto aún no tiene ninguna hoja de ruta, así que no hay nada que comprobar.
dashboard-verdict-label = Veredicto de la hoja de ruta
dashboard-verdict-ready = Listo
dashboard-verdict-at-risk = En riesgo
dashboard-verdict-blocked = Bloqueado
# $date (String) - el día de la comprobación, $days (Number) - la ventana
dashboard-checked-as-of = Comprobado a fecha de { $date }, con una ventana de { $days ->
    [one] { $days } día
    [many] { $days } días
   *[other] { $days } días
} antes de cada fecha requerida.

## Mapa de calor

dashboard-heatmap-title = Cobertura por lanzamiento y configuración regional
dashboard-heatmap-intro = Cada celda es una configuración regional que necesita un lanzamiento: la proporción de sus mensajes necesarios que su cadena de respaldo sirve completos y, debajo, la proporción en el paquete propio de la configuración regional. El símbolo y el color indican el veredicto del lanzamiento.
# $percent (String) - el texto de dashboard-percent
dashboard-heatmap-own = propio { $percent }
dashboard-heatmap-optional = opcional
dashboard-heatmap-table = El mapa de calor como tabla
dashboard-heatmap-empty = Ningún lanzamiento de esta hoja de ruta necesita todavía una configuración regional.
# $locale (String), $market (String), $effective (String) y $own (String) - porcentajes, $servedBy (String) - una configuración regional o dashboard-not-served
dashboard-cell-title = { $locale } para { $market }: { $effective } servido completo, { $own } en su propio paquete; servida por: { $servedBy }.
dashboard-not-served = ningún paquete
# $reasons (String) - los motivos, separados por punto y coma
dashboard-cell-reasons = Necesaria porque: { $reasons }
dashboard-cell-optional = Opcional: una configuración regional de la tienda que el lanzamiento no incluye.

## Por qué se necesita una configuración regional

# $name (String) - el mercado
dashboard-reason-storefront-default = la configuración regional predeterminada de la tienda ({ $name })
# $name (String) - el lanzamiento
dashboard-reason-launch-locale = el lanzamiento la incluye ({ $name })
# $name (String) - el requisito, $summary (String) - lo que dice
dashboard-reason-requirement = { $name }: { $summary }
# $name (String) - el requisito, $summary (String) - lo que dice, $reference (String) - la referencia legal
dashboard-reason-law = ley { $name }: { $summary } ({ $reference })
# $name (String) - el elemento de la hoja de ruta
dashboard-reason-roadmap-item = elemento de la hoja de ruta { $name }
# $name (String) - la variante
dashboard-reason-variant = variante { $name }
dashboard-obligation-mandatory = obligatoria
dashboard-obligation-recommended = recomendada

## Columnas de las tablas

dashboard-col-launch = Lanzamiento
dashboard-col-market = Mercado
dashboard-col-locale = Configuración regional
dashboard-col-date = Fecha de lanzamiento
dashboard-col-verdict = Veredicto
dashboard-col-effective = Servido completo
dashboard-col-own = Paquete propio
dashboard-col-served-by = Servida por
dashboard-col-reasons = Necesaria porque
dashboard-col-need-date = Se necesita el
dashboard-col-due = Vence
dashboard-col-forecast = Previsión

## Cronograma

dashboard-timeline-title = Cronograma de lanzamientos
dashboard-timeline-intro = Las fases de cada lanzamiento en un eje de fechas. La banda sombreada antes de una fecha requerida es la ventana en la que una traducción que falta bloquea el lanzamiento; el rombo es la fecha límite y el círculo, el día previsto en que las traducciones estarán listas.
# $date (String)
dashboard-timeline-today = Hoy, { $date }
# $phase (String) - la fase, $date (String)
dashboard-timeline-phase = { $phase } desde el { $date }
# $start (String), $end (String)
dashboard-timeline-window = Ventana desde el { $start } hasta la fecha requerida, el { $end }
# $date (String)
dashboard-timeline-due = Vence el { $date }
# $date (String)
dashboard-timeline-eta = Previsión: traducciones listas el { $date }
dashboard-timeline-legend = Leyenda
dashboard-timeline-legend-window = ventana antes de una fecha requerida
dashboard-timeline-legend-due = fecha límite
dashboard-timeline-legend-eta = fin previsto
dashboard-phase-alpha = Fase alfa
dashboard-phase-beta = Fase beta
dashboard-phase-ga = Disponibilidad general
dashboard-forecast-on-track = en plazo
# $days (Number)
dashboard-forecast-late = { $days ->
    [one] { $days } día de retraso
    [many] { $days } días de retraso
   *[other] { $days } días de retraso
}
dashboard-forecast-no-data = no hay historial suficiente para hacer una previsión
dashboard-forecast-none = sin previsión

## Tareas pendientes

dashboard-todo-title = Qué traducir primero
dashboard-todo-intro = Una tarea por cada paquete que debe recibir traducciones, ordenadas según lo que desbloquean por día restante (el peso del lanzamiento, multiplicado por el factor legal cuando lo exige una ley).
dashboard-todo-empty = No queda nada por traducir para estos lanzamientos.
dashboard-col-rank = Posición
dashboard-col-bundle = Paquete
dashboard-col-messages = Mensajes
dashboard-col-words = Palabras
dashboard-col-score = Puntuación
dashboard-col-unblocks = Desbloquea
dashboard-col-handoff = Entrega
dashboard-todo-new-bundle = paquete nuevo
dashboard-todo-law = ley
# $date (String), $speed (String) - palabras al día, con un decimal
dashboard-todo-eta = lista el { $date } a { $speed } palabras al día
# $command (String)
dashboard-todo-static-hint = Archivos de entrega para los traductores: { $command }

## Hallazgos

dashboard-findings-title = Hallazgos
dashboard-findings-filter = Filtrar los hallazgos
dashboard-filter-all = Todos
dashboard-filter-apply = Filtrar
dashboard-findings-shown = Hallazgos mostrados
dashboard-findings-none = No hay hallazgos.
dashboard-col-severity = Gravedad
dashboard-col-rule = Regla
dashboard-col-place = Ubicación
dashboard-col-message = Mensaje
dashboard-col-detail = Qué falla
dashboard-severity-error = Fallo
dashboard-severity-warning = Advertencia
dashboard-severity-info = Nota
dashboard-roadmap-finding = la hoja de ruta

## Página del paquete

# $locale (String), $product (String)
dashboard-bundle-title = Paquete { $locale } de { $product }
# $translated (String), $total (String), $percent (String) - counts and a percent, formatted
dashboard-bundle-coverage = Mensajes de origen traducidos: { $translated } de { $total } ({ $percent })
# $missing (String), $incomplete (String), $obsolete (String) - counts, formatted
dashboard-bundle-counts = faltan: { $missing }; incompletos: { $incomplete }; no están en el origen: { $obsolete }
dashboard-bundle-files = Archivos
dashboard-bundle-diagnostics = Problemas en los archivos
dashboard-bundle-no-diagnostics = Los archivos se analizan sin problemas.
dashboard-bundle-source = Este es el paquete de origen: los demás se comparan con él.
dashboard-col-file = Archivo
dashboard-col-line = Línea
dashboard-col-size = Tamaño (bytes)
dashboard-col-problems = Problemas
dashboard-bundles = Paquetes

## Inicio de sesión y errores

dashboard-login-title = Iniciar sesión
dashboard-login-intro = Este servidor necesita un token de acceso. Un administrador lo crea con: glocal token new
dashboard-login-token = Token de acceso
dashboard-login-submit = Entrar
dashboard-login-bad = Ese token no es válido.
dashboard-error-title = No se puede mostrar esta página
# $what (String)
dashboard-error-not-found = No encontrado: { $what }
# $role (String)
dashboard-error-forbidden = Un token con el rol { $role } no puede leer esta página.
dashboard-error-internal = El servidor no pudo generar esta página; su registro indica el motivo.
dashboard-error-cross-site = Este formulario se envió desde la página de otro sitio, así que se rechazó. Inicie sesión desde la propia página del panel.
# $host (String) - la cabecera Host de la solicitud
dashboard-error-wrong-host = Este panel no tiene tokens y solo responde a un nombre de loopback (localhost, 127.0.0.1, [::1]), no a { $host }.
