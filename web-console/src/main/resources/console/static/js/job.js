// The live job page: follows the job's server-sent events, relayed by the console, and
// draws loss and accuracy with Chart.js: per round, global and per participant, for a
// federated job; per trained member, by member type, for an ensemble. A missing value (a
// tree has no loss) is left out of a chart, never drawn as 0.
(function () {
  'use strict';

  var page = document.getElementById('job');
  if (!page) { return; }
  var stepWord = page.dataset.stepWord || 'Round';
  var ensemble = page.dataset.ensemble === 'true';
  var acrossParticipants = page.dataset.acrossParticipants === 'true';
  var typeLabels = { mlp: 'Neural network (MLP)', logistic: 'Logistic regression', tree: 'Decision tree' };
  var seen = {};
  var rounds = [];
  var palette = ['#1f5fbf', '#d9480f', '#2b8a3e', '#862e9c', '#e67700', '#0b7285', '#c2255c', '#5c940d'];

  function participantNames() {
    var names = [];
    rounds.forEach(function (round) {
      (round.participants || []).forEach(function (p) {
        if (names.indexOf(p.participant) < 0) { names.push(p.participant); }
      });
    });
    return names;
  }

  function present(value) {
    return value !== null && value !== undefined;
  }

  function typeLabel(round) {
    var type = round.member && round.member.type;
    return type ? (typeLabels[type] || type) : '–';
  }

  // One series of points per member type: members are not a sequence, so no line joins
  // them, and a type none of whose members has the value (trees, for loss) is left out.
  function memberDatasets(key) {
    var labels = [];
    rounds.forEach(function (r) {
      if (labels.indexOf(typeLabel(r)) < 0) { labels.push(typeLabel(r)); }
    });
    return labels.map(function (label, index) {
      return {
        label: label,
        data: rounds.map(function (r) { return (typeLabel(r) === label && present(r[key])) ? r[key] : null; }),
        borderColor: palette[index % palette.length], backgroundColor: palette[index % palette.length],
        showLine: false, pointRadius: 5, pointHoverRadius: 7
      };
    }).filter(function (set) { return set.data.some(present); });
  }

  function datasets(globalKey, participantKey) {
    if (ensemble) { return memberDatasets(globalKey); }
    var sets = [{
      label: 'Global', data: rounds.map(function (r) { return r[globalKey]; }), borderColor: '#13233f',
      backgroundColor: '#13233f', borderWidth: 3, tension: 0.2, spanGaps: true
    }];
    participantNames().forEach(function (name, index) {
      sets.push({
        label: name,
        data: rounds.map(function (r) {
          var found = (r.participants || []).filter(function (p) { return p.participant === name; })[0];
          return found ? found[participantKey] : null;
        }),
        borderColor: palette[index % palette.length], backgroundColor: palette[index % palette.length],
        borderWidth: 1.5, borderDash: [4, 3], tension: 0.2, spanGaps: true
      });
    });
    return sets;
  }

  function makeChart(id, yTitle, options) {
    var canvas = document.getElementById(id);
    if (!canvas || !window.Chart) { return null; }
    return new window.Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: [] },
      options: Object.assign({
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
        scales: {
          x: Object.assign({ title: { display: true, text: stepWord } }, memberAxis),
          y: { title: { display: true, text: yTitle } }
        }
      }, options || {})
    });
  }

  // Members are points with room at the edges, not a line from border to border.
  var memberAxis = ensemble ? { offset: true, grid: { offset: false } } : {};
  var lossChart = makeChart('loss-chart', 'Loss');
  var accuracyChart = makeChart('accuracy-chart', 'Accuracy', {});
  if (accuracyChart) {
    accuracyChart.options.scales.y.suggestedMin = 0.5;
    accuracyChart.options.scales.y.suggestedMax = 1;
  }

  function redraw() {
    var labels = rounds.map(function (r) { return r.round; });
    if (lossChart) {
      lossChart.data.labels = labels;
      lossChart.data.datasets = datasets('meanLoss', 'loss');
      lossChart.update();
    }
    // An ensemble of trees only has no loss to show.
    document.getElementById('loss-figure').hidden = ensemble && rounds.length > 0
      && !rounds.some(function (r) { return present(r.meanLoss); });
    if (accuracyChart) {
      accuracyChart.data.labels = labels;
      accuracyChart.data.datasets = datasets('validationAccuracy', 'validationAccuracy');
      accuracyChart.update();
    }
  }

  function number(value, digits) {
    return present(value) ? Number(value).toFixed(digits) : '–';
  }

  function cell(text, className) {
    var td = document.createElement('td');
    td.className = className || 'num';
    td.textContent = text;
    return td;
  }

  // The numbers are written with toFixed; Round's lossText, accuracyText and tookText write the
  // same texts for the rows that the server renders, so that a reload shows the same table.
  function addRow(round) {
    var table = document.getElementById('rounds');
    var body = table.querySelector('tbody');
    if (body.querySelector('tr[data-round="' + round.round + '"]')) { return; }
    var row = document.createElement('tr');
    row.dataset.round = round.round;
    row.appendChild(cell(String(round.round)));
    if (ensemble) {
      row.appendChild(cell(typeLabel(round), 'member-type'));
    }
    if (acrossParticipants) {
      var participant = round.member && round.member.participant;
      row.appendChild(cell(participant || '–', 'member-participant'));
    }
    row.appendChild(cell(number(round.meanLoss, 4)));
    row.appendChild(cell(present(round.validationAccuracy) ? (100 * round.validationAccuracy).toFixed(1) + ' %'
      : '–'));
    if (!ensemble) {
      row.appendChild(cell(round.participantsAnswered + ' of ' + round.participantsAsked));
    }
    // A member's own training time: members train side by side, so the time between steps
    // says little.
    var millis = round.member ? round.trainingMillis : round.durationMillis;
    row.appendChild(cell((millis / 1000).toFixed(1) + ' s'));
    body.appendChild(row);
    document.getElementById('rounds-table').hidden = false;
    document.getElementById('charts').hidden = false;
    document.getElementById('no-rounds').hidden = true;
  }

  function addRound(round) {
    if (seen[round.round]) { return; }
    seen[round.round] = true;
    rounds.push(round);
    rounds.sort(function (a, b) { return a.round - b.round; });
    addRow(round);
  }

  function setTime(id, iso, fallback) {
    var holder = document.getElementById(id);
    holder.textContent = '';
    if (iso) {
      var time = document.createElement('time');
      time.setAttribute('datetime', iso);
      time.textContent = iso;
      holder.appendChild(time);
      if (window.aimassFormatTimes) { window.aimassFormatTimes(holder); }
    }
    else {
      holder.textContent = fallback;
    }
  }

  function showStatus(status) {
    var badge = document.getElementById('job-status');
    badge.textContent = status.status;
    badge.className = 'badge status-' + status.status.toLowerCase();
    document.getElementById('job-progress-text').textContent =
      stepWord + ' ' + status.roundsCompleted + ' of ' + status.totalRounds;
    var progress = document.getElementById('job-progress');
    progress.value = status.totalRounds > 0 ? Math.round(100 * status.roundsCompleted / status.totalRounds) : 0;
    var error = document.getElementById('job-error');
    error.hidden = !status.errorMessage;
    document.getElementById('job-error-text').textContent = status.errorMessage || '';
    if (status.modelVersion) {
      var link = document.getElementById('job-model-link');
      link.textContent = status.modelVersion.modelName + ' version ' + status.modelVersion.version;
      link.setAttribute('href', page.dataset.models + '/' + encodeURIComponent(status.modelVersion.modelName));
      document.getElementById('job-model').hidden = false;
    }
    setTime('job-started', status.startedAt, 'waiting for a worker');
    setTime('job-finished', status.finishedAt, '–');
    var cancel = document.getElementById('cancel-job');
    var isFinal = ['SUCCEEDED', 'FAILED', 'CANCELLED'].indexOf(status.status) >= 0;
    if (cancel && isFinal) { document.getElementById('cancel-form').hidden = true; }
    else if (cancel && status.cancelRequested) { cancel.disabled = true; cancel.textContent = 'Cancel requested'; }
    return isFinal;
  }

  try {
    JSON.parse(page.dataset.rounds || '[]').forEach(addRound);
  }
  catch (e) {
    // The table already shows the rounds the page was rendered with.
  }
  redraw();

  if (page.dataset.final === 'true' || !window.EventSource) { return; }
  var live = document.getElementById('live-state');
  var source = new EventSource(page.dataset.events);
  source.addEventListener('round', function (event) {
    addRound(JSON.parse(event.data));
    redraw();
  });
  source.addEventListener('status', function (event) {
    if (showStatus(JSON.parse(event.data))) {
      source.close();
      live.textContent = '';
      page.dataset.final = 'true';
    }
  });
  source.addEventListener('gone', function () {
    source.close();
    live.textContent = 'Live updates stopped; reload the page.';
  });
  source.onopen = function () { live.textContent = 'Updating live'; };
  source.onerror = function () {
    if (page.dataset.final !== 'true') { live.textContent = 'Reconnecting…'; }
  };
})();
