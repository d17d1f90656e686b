// The /monitoring trend chart: one line over the years of the yearly snapshot. The same figures are in the table
// next to it, so the page is complete without this script.
(function () {
  var el = document.getElementById('monitoring-trend');
  var source = document.getElementById('monitoring-trend-data');
  if (!el || !source || !window.echarts) return;
  var data = JSON.parse(source.textContent);
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: data.years },
    yAxis: { type: 'value', name: data.name },
    series: [{ type: 'line', name: data.name, data: data.values, connectNulls: true, label: { show: true } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
