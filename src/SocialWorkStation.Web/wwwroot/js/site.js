// Behaviour that pages used to write inline; the content security policy allows only script files.
// data-confirm="问题" on a submit button asks before the form is sent; data-print on a button prints the page.
document.addEventListener('click', function (e) {
  var el = e.target instanceof Element ? e.target.closest('[data-confirm],[data-print]') : null;
  if (!el) return;
  if (el.hasAttribute('data-print')) {
    window.print();
    return;
  }
  if (!window.confirm(el.getAttribute('data-confirm'))) {
    e.preventDefault();
  }
});

// A search form with data-id-search="#form": a whole ID number (18 characters, GB 11643) goes in that form's POST body,
// never in the URL where proxies and request logs would keep it.
document.addEventListener('submit', function (e) {
  var form = e.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.idSearch) return;
  var q = form.querySelector('[name="q"]');
  if (!q || !/^\s*\d{17}[\dXx]\s*$/.test(q.value)) return;
  var post = document.querySelector(form.dataset.idSearch);
  if (!post) return;
  e.preventDefault();
  post.querySelector('[name="q"]').value = q.value.trim();
  q.value = '';
  post.submit();
});
