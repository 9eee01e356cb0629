// Draws each chart of the program dashboard from the figures its canvas carries in data-chart (the page has no
// inline script: the Content-Security-Policy forbids it). The numbers are drawn as given; only the axis labels are
// formatted, so what a chart was given is what the API says.
(function () {
    "use strict";
    var colours = ["#1f6feb", "#1b7f3b", "#9a6700", "#b42318", "#6e40c9", "#0e7490"];

    function format(unit, value) {
        if (value === null || value === undefined) { return "–"; }
        if (unit === "rate") { return Math.round(value * 1000) / 10 + "%"; }
        if (unit === "money") { return value.toLocaleString("en", { maximumFractionDigits: 0 }); }
        return value.toLocaleString("en", { maximumFractionDigits: 2 });
    }

    function draw(canvas) {
        var figure = JSON.parse(canvas.dataset.chart);
        var rates = figure.series.filter(function (s) { return s.unit === "rate"; }).length;
        // A rate beside counts or days is drawn on an axis of its own, on the right.
        var twoAxes = rates > 0 && rates < figure.series.length;
        var datasets = figure.series.map(function (series, i) {
            return {
                label: series.name,
                data: series.values,
                unit: series.unit,
                borderColor: colours[i % colours.length],
                backgroundColor: colours[i % colours.length],
                yAxisID: twoAxes && series.unit === "rate" ? "rate" : "y",
                spanGaps: true,
                type: figure.chart === "bar" && twoAxes && series.unit === "rate" ? "line" : figure.chart
            };
        });
        var scales = {
            y: { beginAtZero: true, ticks: { callback: function (v) { return format(rates === figure.series.length ? "rate" : "", v); } } }
        };
        if (twoAxes) {
            scales.rate = { position: "right", beginAtZero: true, suggestedMax: 1, grid: { drawOnChartArea: false }, ticks: { callback: function (v) { return format("rate", v); } } };
        }
        return new window.Chart(canvas, {
            type: figure.chart,
            data: { labels: figure.labels, datasets: datasets },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: scales,
                plugins: {
                    tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + format(c.dataset.unit, c.raw); } } }
                }
            }
        });
    }

    function drawAll() {
        document.querySelectorAll("canvas[data-chart]").forEach(draw);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", drawAll);
    } else {
        drawAll();
    }
})();
