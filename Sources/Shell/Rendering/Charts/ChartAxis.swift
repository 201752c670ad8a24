import Foundation

/// Tick values for a value axis: 4 to 8 steps of 1, 2 or 5 times a power of ten, covering the values
/// ("nice numbers", after Heckbert, Graphics Gems, 1990).
struct ChartAxis {
    let low: Double
    let high: Double
    let step: Double

    init(low: Double, high: Double) {
        let span = high - low
        guard span > 0, span.isFinite else {
            self.low = low - 1
            self.high = low + 1
            step = 0.5
            return
        }
        let rough = span / 5
        let power = pow(10, (log10(rough)).rounded(.down))
        let fraction = rough / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        step = nice * power
        self.low = (low / step).rounded(.down) * step
        self.high = (high / step).rounded(.up) * step
    }

    var ticks: [Double] {
        var values: [Double] = []
        var v = low
        while v <= high + step / 1000 {
            values.append(abs(v) < step / 1000 ? 0 : v)
            v += step
        }
        return values
    }

    /// Decimals a tick label needs so that neighbouring ticks read differently.
    var decimals: Int { step >= 1 ? 0 : Int((-log10(step)).rounded(.up)) }
}
