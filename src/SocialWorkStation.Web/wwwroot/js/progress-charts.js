// Draws the standards dashboard's charts from the JSON the page embeds (#progress-data); the tables beside
// them carry the same numbers, so a phone without the charts loses nothing.
(function () {
  'use strict';
  function init() {
    var el = document.getElementById('progress-data');
    if (!el || typeof echarts === 'undefined') return;
    var data = JSON.parse(el.textContent);
    var colour = { met: '#198754', onTrack: '#0d6efd', behind: '#fd7e14', farBehind: '#dc3545' };
    var charts = [];
    function chart(id, option) {
      var node = document.getElementById(id);
      if (!node) return;
      var c = echarts.init(node, null, { renderer: 'svg' });
      c.setOption(option);
      charts.push(c);
    }
    var pct = function (v) { return Math.round(v * 1000) / 10 + '%'; };
    chart('chart-standards', {
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      legend: { data: ['完成率', '应完成进度'], top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: pct },
      xAxis: { type: 'value', max: function (v) { return Math.max(1, v.max); }, axisLabel: { formatter: pct } },
      yAxis: { type: 'category', inverse: true, data: data.standards.map(function (s) { return s.label; }) },
      series: [
        { name: '完成率', type: 'bar', data: data.standards.map(function (s) { return { value: s.share, itemStyle: { color: colour[s.status] } }; }) },
        { name: '应完成进度', type: 'scatter', symbol: 'rect', symbolSize: [3, 18], itemStyle: { color: '#212529' },
          data: data.standards.map(function (s) { return s.expected; }) }
      ]
    });
    chart('chart-trend', {
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { type: 'scroll', top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.trend.months },
      yAxis: { type: 'value' },
      series: data.trend.series.map(function (s) { return { name: s.name, type: 'line', data: s.data }; })
    });
    chart('chart-ranking', {
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: pct },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: pct } },
      yAxis: { type: 'category', data: data.ranking.map(function (c) { return c.name; }) },
      series: [{ type: 'bar', data: data.ranking.map(function (c) { return { value: c.share, itemStyle: { color: colour[c.status] } }; }) }]
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
