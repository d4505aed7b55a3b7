// Files for the C++ side (linked with --js-library): downloads of backups and exports.
mergeInto(LibraryManager.library, {
  $PbFiles: {
    download: function (name, text) {
      const blob = new Blob([text], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
  },

  pb_download__deps: ['$PbFiles'],
  pb_download: function (namePtr, textPtr) { PbFiles.download(UTF8ToString(namePtr), UTF8ToString(textPtr)); },
});
