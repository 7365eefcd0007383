" Vim set-ups in editors/vim against the built fulint, in a batch Vim:
"   vim -Nu NONE -i NONE -es -S tests/editors/vim_test.vim
" with FULINT_BINARY, FULINT_RULES, FULINT_DRAFT, FULINT_VIM_PLUGIN (editors/vim) and
" FULINT_ALE (ALE's runtime folder, /usr/share/vim-ale on Debian) set.
"  1. `:compiler fulint` + `:make!` fills the quickfix list with lines, columns and types.
"  2. The ALE linter is registered for text buffers, and its command and callback turn the
"     finding after the emoji into Vim's byte column.
" Exits 0 when both pass, 1 with messages on stderr otherwise, 77 when ALE is missing.

let s:failures = []
function! s:Check(cond, message) abort
  if !a:cond
    call add(s:failures, a:message)
  endif
endfunction

function! s:Compiler() abort
  let l:draft = tempname() . '.txt'
  call writefile(['We just utilize it.'], l:draft)
  execute 'edit ' . fnameescape(l:draft)
  let g:fulint_executable = $FULINT_BINARY
  compiler fulint
  " :make echoes the program's output; it goes to /dev/null, the quickfix list keeps it.
  let &shellpipe = '>%s 2>&1'
  execute 'silent make! --rules ' . fnameescape($FULINT_RULES)
  let l:got = map(filter(getqflist(), 'v:val.valid'),
        \ '[v:val.lnum, v:val.col, v:val.type, v:val.text]')
  let l:want = [[1, 4, 'i', "'just' hedges; leave it out. [Test.Hedge]"],
        \ [1, 9, 'e', "Use 'use' instead of 'utilize'. [Test.Swap]"]]
  call s:Check(l:got == l:want, 'compiler: quickfix ' . string(l:got) . ', expected ' . string(l:want))
  bwipeout!
  call delete(l:draft)
endfunction

function! s:Ale() abort
  execute 'set runtimepath+=' . fnameescape($FULINT_ALE)
  runtime plugin/ale.vim
  execute 'edit ' . fnameescape($FULINT_DRAFT)
  " ALE runs no linter for text by default: the README's g:ale_linters enables fulint.
  let g:ale_linters = {'text': ['fulint']}
  let l:names = map(copy(ale#linter#Get('text')), 'v:val.name')
  call s:Check(l:names == ['fulint'], 'ALE: text linters ' . string(l:names) . ', expected fulint')
  let g:ale_fulint_options = '--rules ' . shellescape($FULINT_RULES)
  let l:command = fulint#ale#Command(bufnr(''))
  let l:command = substitute(l:command, '%e', escape(shellescape($FULINT_BINARY), '\&'), '')
  let l:command = substitute(l:command, '%s', escape(shellescape(expand('%:p')), '\&'), '')
  " ALE reads standard output only; systemlist() would mix in the summary on stderr.
  let l:output = systemlist(l:command . ' 2>/dev/null', getline(1, '$'))
  let l:got = fulint#ale#Handle(bufnr(''), l:output)
  " Vim's 1-based byte column of 'utilize' after the emoji (4 bytes) and ' We '.
  let l:col = stridx(getline(2), 'utilize') + 1
  call s:Check(l:col == 9, 'ALE: the draft changed, utilize is at byte ' . l:col)
  let l:want = [{'lnum': 2, 'col': l:col, 'end_lnum': 2, 'end_col': l:col + 6, 'type': 'E',
        \ 'code': 'Test.Swap', 'text': "Use 'use' instead of 'utilize'."}]
  call s:Check(l:got == l:want, 'ALE: ' . string(l:got) . ', expected ' . string(l:want))
endfunction

try
  execute 'set runtimepath^=' . fnameescape($FULINT_VIM_PLUGIN)
  filetype on
  call s:Compiler()
  if !isdirectory($FULINT_ALE . '/autoload/ale')
    call writefile(['vim_test: ALE is not installed (Debian: vim-ale): skipped'], '/dev/stderr')
    cquit 77
  endif
  call s:Ale()
catch
  call add(s:failures, v:exception . ' at ' . v:throwpoint)
endtry
if empty(s:failures)
  call writefile(['ok: compiler fulint and the ALE linter'], '/dev/stdout')
  qall!
endif
call writefile(map(s:failures, '"vim_test: FAIL: " . v:val'), '/dev/stderr')
cquit 1
