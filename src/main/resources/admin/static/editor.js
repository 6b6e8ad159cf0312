// The entry editor's rich text: turns the body's <textarea class="rich"> into a TinyMCE editor.
// Without JavaScript the textarea stays and takes HTML; either way the server sanitises on save.
(function () {
  'use strict';
  var area = document.querySelector('textarea.rich');
  if (!area || !window.tinymce) {
    return;
  }
  var images = [];
  try {
    images = JSON.parse(area.getAttribute('data-images') || '[]');
  } catch (ignored) {
    images = [];
  }
  window.tinymce.init({
    target: area,
    base_url: '/admin/assets/tinymce',
    suffix: '.min',
    menubar: false,
    branding: false,
    promotion: false,
    statusbar: false,
    height: 440,
    plugins: 'lists link image autolink',
    toolbar_mode: 'wrap',
    toolbar: 'undo redo | blocks | bold italic | bullist numlist | link blockquote image | removeformat',
    block_formats: 'Paragraph=p; Heading 2=h2; Heading 3=h3; Heading 4=h4',
    // No h1 in bodies: the page title is the h1, and the sanitiser keeps h2-h6 only.
    convert_urls: false,
    entity_encoding: 'raw',
    link_title: false,
    target_list: false,
    image_list: images,
    image_description: true,
    image_dimensions: true,
    image_advtab: false,
    // TinyMCE would add its few content rules as an inline <style>, which the Content-Security-Policy
    // (style-src 'self') refuses: they come from this file instead.
    content_css: ['/admin/assets/tinymce/skins/content/default/content.min.css', '/admin/assets/editor-content.css'],
    setup: function (editor) {
      editor.on('PreInit', function () {
        editor.contentStyles.length = 0;
      });
      editor.on('change', function () {
        editor.save();
      });
    }
  });
}());
