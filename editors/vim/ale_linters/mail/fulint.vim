" ALE linter: fulint for mail buffers (see autoload/fulint/ale.vim).
call fulint#ale#Define('mail')
