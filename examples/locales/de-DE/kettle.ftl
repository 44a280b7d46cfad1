-brand = Kettlery

preset-green = Grüner Tee, { $temperature } °C
preset-white = Weißer Tee, { $temperature } °C
preset-black = Schwarzer Tee, { $temperature } °C
brew-start = { $preset } wird zubereitet…
# A syntax error: the placeable is never closed. It is reported with its
# line and column; the other entries of the file still count.
brew-done = Ihr Tee ist nach { $minutes Minuten fertig.
label-voltage = Nennspannung: { $volts } V
label-capacity = Fassungsvermögen: { $litres } l
warranty-terms = { -brand } gewährt auf jeden Wasserkocher zwei Jahre Garantie.
