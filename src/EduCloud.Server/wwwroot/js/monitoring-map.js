// The /monitoring map: colours the sub-regions of the page's node by the chosen indicator (a county is shown on its
// city's map, outlined). The same figures are in the table below it, so the page is complete without this script.
(function () {
  var el = document.getElementById('monitoring-map');
  var source = document.getElementById('monitoring-map-data');
  if (!el || !source || !window.echarts || !window.fetch) return;
  var data = JSON.parse(source.textContent);
  data.items.forEach(function (item) {
    if (item.highlighted) item.itemStyle = { borderColor: '#1d4ed8', borderWidth: 3 };
  });
  fetch(el.getAttribute('data-map')).then(function (r) { return r.json(); }).then(function (geo) {
    echarts.registerMap(data.code, geo);
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'item', formatter: function (p) { return p.name + '<br/>' + (p.data && p.data.tip ? p.data.tip : data.empty); } },
      visualMap: { min: data.min, max: data.max, text: [data.maxLabel, data.minLabel], calculable: false, left: 'left', bottom: 0,
        inRange: { color: ['#d73027', '#fee08b', '#1a9850'] } },
      series: [{ type: 'map', map: data.code, data: data.items, emphasis: { label: { show: true } }, label: { show: true, fontSize: 10 } }]
    });
    chart.on('click', function (p) { if (p.data && p.data.href) location.href = p.data.href; });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
