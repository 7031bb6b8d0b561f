// Draws the standards dashboard's charts from the JSON the page embeds (#progress-data); the tables beside
// them carry the same numbers, so a phone without the charts loses nothing. ECharts (a custom build, see
// lib/echarts-6.1.0/README.md) is fetched only when a chart scrolls into view, so the page's first load
// stays within ui.md's 200 KB budget.
(function () {
  'use strict';
  var src = document.currentScript && document.currentScript.dataset.echarts;
  function load() {
    var el = document.getElementById('progress-data');
    if (!el || !src) return;
    var nodes = document.querySelectorAll('.progress-chart, #chart-standards, #chart-trend, #chart-ranking');
    var started = false;
    function start() {
      if (started) return;
      started = true;
      var script = document.createElement('script');
      script.src = src;
      script.onload = init;
      document.head.appendChild(script);
    }
    if (!('IntersectionObserver' in window) || nodes.length === 0) { start(); return; }
    var io = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { io.disconnect(); start(); }
    }, { rootMargin: '200px' });
    nodes.forEach(function (n) { io.observe(n); });
  }
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
      // The axis stops at 100%: a standard done several times over (a target of 1 met 13 times) would
      // otherwise squeeze every other bar; its bar ends at 100% and its label gives the real share.
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: pct } },
      yAxis: { type: 'category', inverse: true, data: data.standards.map(function (s) { return s.label; }) },
      series: [
        { name: '完成率', type: 'bar',
          label: { show: true, position: 'insideLeft', color: '#212529', backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3],
            formatter: function (p) { return pct(p.data.share) + (p.data.share > 1 ? '（超出）' : ''); } },
          data: data.standards.map(function (s) { return { value: Math.min(s.share, 1), share: s.share, itemStyle: { color: colour[s.status] } }; }) },
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
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', load); else load();
})();
