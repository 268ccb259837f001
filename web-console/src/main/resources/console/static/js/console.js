// Small helpers for every page: local times, CSRF for htmx, upload progress, the CSV
// header for the label column, copy buttons, and fields shown only for the choices they
// belong to. Everything works without them.
(function () {
  'use strict';

  var timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  function formatTimes(root) {
    (root || document).querySelectorAll('time[datetime]').forEach(function (element) {
      var date = new Date(element.getAttribute('datetime'));
      if (!isNaN(date.getTime())) {
        element.textContent = timeFormat.format(date);
        element.title = date.toISOString();
      }
    });
  }
  window.aimassFormatTimes = formatTimes;

  function csrf() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    return (header && token) ? { header: header.content, token: token.content } : null;
  }

  function splitCsvLine(line) {
    var cells = [];
    var cell = '';
    var quoted = false;
    for (var i = 0; i < line.length; i++) {
      var c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
        else if (c === '"') { quoted = false; }
        else { cell += c; }
      }
      else if (c === '"') { quoted = true; }
      else if (c === ',') { cells.push(cell); cell = ''; }
      else { cell += c; }
    }
    cells.push(cell);
    return cells;
  }

  function slug(fileName) {
    return fileName.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
      .substring(0, 100);
  }

  function fillLabelColumns(input) {
    var select = document.getElementById(input.dataset.csvHeaderFor);
    var file = input.files && input.files[0];
    if (!select || !file) { return; }
    var name = document.getElementById('name');
    if (name && !name.value) { name.value = slug(file.name); }
    var reader = new FileReader();
    reader.onload = function () {
      var text = String(reader.result).replace(/^\uFEFF/, '');
      var header = text.split(/\r?\n/)[0] || '';
      var columns = splitCsvLine(header).filter(function (column) { return column.length > 0; });
      select.innerHTML = '';
      columns.forEach(function (column) {
        var option = document.createElement('option');
        option.value = column;
        option.textContent = column;
        select.appendChild(option);
      });
      if (columns.length > 0) { select.value = columns[columns.length - 1]; }
      select.dispatchEvent(new Event('change'));
    };
    reader.readAsText(file.slice(0, 256 * 1024));
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('input[type="file"][data-csv-header-for]')) {
      fillLabelColumns(event.target);
    }
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-copy]');
    if (!button) { return; }
    var field = document.getElementById(button.dataset.copy);
    var status = document.querySelector('[data-copy-status="' + button.dataset.copy + '"]');
    field.select();
    var done = function () { if (status) { status.textContent = 'Copied.'; } };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
    }
    else {
      document.execCommand('copy');
      done();
    }
  });

  document.addEventListener('htmx:configRequest', function (event) {
    var token = csrf();
    if (token) { event.detail.headers[token.header] = token.token; }
  });

  document.addEventListener('htmx:beforeRequest', function (event) {
    var progress = event.target.querySelector && event.target.querySelector('.upload-progress');
    if (progress) {
      progress.hidden = false;
      progress.querySelector('progress').value = 0;
    }
    var submit = event.target.querySelector && event.target.querySelector('button[type="submit"]');
    if (submit) { submit.disabled = true; }
  });

  document.addEventListener('htmx:xhr:progress', function (event) {
    var bar = event.target.querySelector && event.target.querySelector('.upload-progress progress');
    if (bar && event.detail.lengthComputable) {
      bar.value = Math.round(100 * event.detail.loaded / event.detail.total);
      bar.textContent = bar.value + ' %';
    }
  });

  document.addEventListener('htmx:afterRequest', function (event) {
    var submit = event.target.querySelector && event.target.querySelector('button[type="submit"]');
    if (submit) { submit.disabled = false; }
  });

  document.addEventListener('htmx:afterSwap', function (event) {
    formatTimes(event.detail.target);
    var errors = document.getElementById('upload-errors');
    if (errors) { errors.focus(); }
  });

  document.addEventListener('htmx:responseError', function (event) {
    var toast = document.getElementById('request-error');
    toast.textContent = 'The console could not finish this (status ' + event.detail.xhr.status
      + '). Reload the page and try again.';
    toast.hidden = false;
  });

  // An element marked data-shown-for="method:stacking;source:central" shows only while the
  // form's control "method" has the value stacking and "source" has central; a list such as
  // "method:bagging,adaboost" allows either. Without JavaScript every field shows, and the
  // server sends platform-api only the settings that apply.
  function chosenValues(form, name) {
    return Array.prototype.filter.call(form.elements, function (control) {
      return control.name === name && ((control.type !== 'checkbox' && control.type !== 'radio') || control.checked);
    }).map(function (control) { return control.value; });
  }

  function showChosenFields(form) {
    form.querySelectorAll('[data-shown-for]').forEach(function (element) {
      element.hidden = !element.dataset.shownFor.split(';').every(function (condition) {
        var parts = condition.split(':');
        var allowed = parts[1].split(',');
        return chosenValues(form, parts[0]).some(function (value) { return allowed.indexOf(value) >= 0; });
      });
    });
  }

  document.addEventListener('change', function (event) {
    if (event.target.form) { showChosenFields(event.target.form); }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form').forEach(showChosenFields);
    formatTimes(document);
    var errors = document.getElementById('form-errors');
    if (errors) { errors.focus(); }
  });
})();
