-brand = Kettlery

preset-green = Thé vert, { $temperature } °C
preset-white = Thé blanc, { $temperature } °C
preset-black = Thé noir, { $temperature } °C
brew-start = Infusion { $preset }…
brew-done =
    { $minutes ->
        [one] Votre thé est prêt après { $minutes } minute.
       *[other] Votre thé est prêt après { $minutes } minutes.
    }
    .title = Le thé est prêt

label-voltage = Tension nominale : { $volts } V
label-capacity = Contenance : { $litres } l
warranty-terms = { -brand } offre une garantie de deux ans sur chaque bouilloire.
# The same id twice: the first definition counts and a diagnostic says so.
preset-green = Thé vert
