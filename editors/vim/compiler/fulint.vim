" Vim compiler file for fulint: `:compiler fulint`, then `:make` lints the current file and
" fills the quickfix list from fulint's compiler-style output
" (`path:line:col: severity: message [Style.Rule]`; source lines and carets are skipped).
" `:make --rules DIR` passes options. The binary is g:fulint_executable (default: fulint).
" Columns count characters: on a line with non-ASCII text before a finding Vim, which reads
" them as bytes, lands a little early. The ALE linter in ale_linters/ is exact.
if exists('current_compiler')
  finish
endif
let current_compiler = 'fulint'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

execute 'CompilerSet makeprg=' . escape(get(g:, 'fulint_executable', 'fulint'), ' \|"')
      \ . '\ $*\ %:S'
" Suggestions have no letter of their own in Vim: they become info ('I') entries.
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,
                       \%f:%l:%c:\ %tarning:\ %m,
                       \%f:%l:%c:\ suggest%ton:\ %m,
                       \%-G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save
