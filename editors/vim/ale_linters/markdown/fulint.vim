" ALE linter: fulint for markdown buffers (see autoload/fulint/ale.vim).
call fulint#ale#Define('markdown')
