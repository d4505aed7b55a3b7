// Files for the import tests and benchmark: dropping a file made in the page, as a drag from the
// desktop would, and a large generated CSV.

// Drops a file built in the page onto the window, as a drag from the desktop would (share.test.mjs).
export async function dropFile(page, name, text, type = 'text/csv') {
  await page.evaluate(([n, t, ty]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: ty }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text, type]);
}


// ~100,000 rows, ~150 bytes each: one pipeline, six stages, a few owners.
export function bigCsv(rows = 100000) {
  const stages = ['Lead', 'Qualified', 'Demo', 'Proposal', 'Negotiation', 'Contract sent'];
  const owners = ['Alice Moreau', 'Bram de Vries', 'Chen Wei', 'Dana Kowalski'];
  const out = ['Title,Value,Currency,Stage,Status,Owner,Company,Expected close,Notes'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0'), month = String(1 + (i % 12)).padStart(2, '0');
    out.push(`Deal ${String(i).padStart(6, '0')} platform upgrade,${(1000 + (i * 37) % 90000)}.${String(i % 100).padStart(2, '0')},EUR,` +
      `${stages[i % 6]},open,${owners[i % 4]},Company ${i % 5000} Ltd,2027-${month}-${day},"Row ${i}: follow up, send the revised quote"`);
  }
  return out.join('\n') + '\n';
}

