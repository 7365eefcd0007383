" ALE linter: fulint for text buffers (see autoload/fulint/ale.vim).
call fulint#ale#Define('text')
