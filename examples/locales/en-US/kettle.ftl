## Texts of the Kettlery Smart Kettle app and packaging (source locale).

-brand = Kettlery

preset-green = Green tea, { $temperature } °C
preset-white = White tea, { $temperature } °C
preset-black = Black tea, { $temperature } °C
brew-start = Brewing { $preset }…
brew-done =
    { $minutes ->
        [one] Your tea is ready after { $minutes } minute.
       *[other] Your tea is ready after { $minutes } minutes.
    }
    .title = Tea is ready

label-voltage = Rated voltage: { $volts } V
label-capacity = Capacity: { $litres } l
warranty-terms = { -brand } gives a two-year warranty on every kettle.
