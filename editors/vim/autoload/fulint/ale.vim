" ALE support for fulint, shared by ale_linters/{text,markdown,mail}/fulint.vim. fulint reads
" the buffer on standard input and answers with `--format lsp --position-encoding utf-8`:
" 0-based lines and byte columns, which are exactly Vim's columns less one.

function! fulint#ale#Command(buffer) abort
  return '%e --format lsp --position-encoding utf-8 --stdin-filename %s'
        \ . ale#Pad(ale#Var(a:buffer, 'fulint_options')) . ' -'
endfunction

function! fulint#ale#Handle(buffer, lines) abort
  let l:output = []
  for l:file in ale#util#FuzzyJSONDecode(a:lines, [])
    for l:diag in get(l:file, 'diagnostics', [])
      let l:start = l:diag.range.start
      let l:end = l:diag.range.end
      call add(l:output, {
      \   'lnum': l:start.line + 1,
      \   'col': l:start.character + 1,
      \   'end_lnum': l:end.line + 1,
      \   'end_col': max([l:end.character, l:start.character + 1]),
      \   'type': get({'1': 'E', '2': 'W'}, string(get(l:diag, 'severity', 2)), 'I'),
      \   'code': get(l:diag, 'code', ''),
      \   'text': l:diag.message,
      \})
    endfor
  endfor
  return l:output
endfunction

" Defines the fulint linter for one filetype.
function! fulint#ale#Define(filetype) abort
  call ale#Set('fulint_executable', 'fulint')
  call ale#Set('fulint_options', '')
  call ale#linter#Define(a:filetype, {
  \   'name': 'fulint',
  \   'executable': {buffer -> ale#Var(buffer, 'fulint_executable')},
  \   'command': function('fulint#ale#Command'),
  \   'callback': 'fulint#ale#Handle',
  \})
endfunction
