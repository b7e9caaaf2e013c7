#compdef rigfit
# zsh completion for rigfit: commands, each command's options, part ids, views, formats,
# categories and build files.

_rigfit_part_ids() {
  local -a ids
  ids=(${(f)"$(rigfit parts list 2>/dev/null | awk '$3 == "curated" || $3 == "opendb" { print $2 }')"})
  _describe -t parts 'part id' ids
}

_rigfit() {
  local -a commands common
  commands=(
    'check:check every part of a build, in millimetres'
    'solve:where another part fits, or which parts fit at a mount'
    'report:write the fit report (HTML, Markdown or JSON)'
    'render:draw the build offscreen to a PNG'
    'parts:list, show, search, validate or audit the catalog'
    'view:open the viewer'
    'import:a PCPartPicker part list made into a build'
    'export:the build as a part list to post, with a fit column'
    'help:one command'"'"'s usage'
    'version:the version'
  )
  common=(
    '--parts[the catalog folder]:folder:_files -/'
    '*--more-parts[your own part files]:folder:_files -/'
    '(- *)--help[this command'"'"'s usage]'
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'rigfit command' commands
    return
  fi
  local cmd=$words[2]
  shift words
  (( CURRENT-- ))
  case $cmd in
    check)
      _arguments $common '--format[output format]:format:(text json md)' \
        '--min-clearance[least clearance that passes, mm]:mm:' \
        '--strict[a verdict that depends on an estimate does not fit]' \
        '1:build file:_files -g "*.json"' ;;
    solve)
      _arguments $common '--add[every free mount for a part]:part:_rigfit_part_ids' \
        '--max[the most copies that fit]:part:_rigfit_part_ids' \
        '--alternatives[every part that fits at a mount]:instance/mount:' \
        '--maker[only this maker]:maker:' '--min-length[mm]:mm:' '--max-length[mm]:mm:' \
        '--max-thickness[mm]:mm:' '--limit[how many]:n:' \
        '--format[output format]:format:(text json)' \
        '--min-clearance[least clearance that passes, mm]:mm:' \
        '1:build file:_files -g "*.json"' ;;
    report)
      _arguments $common '(-o --output)'{-o,--output}'[where to write]:file:_files' \
        '--format[format]:format:(html md json)' '--with-solve[add the slots for the first card]' \
        '--no-renders[no 3D pictures]' '--min-clearance[mm]:mm:' \
        '1:build file:_files -g "*.json"' ;;
    render)
      _arguments $common '(-o --output)'{-o,--output}'[the PNG to write]:file:_files -g "*.png"' \
        '--view[camera]:view:(iso front side top)' '--size[WxH]:size:' \
        '--backend[renderer]:backend:(gl mock)' '1:build file:_files -g "*.json"' ;;
    view) _arguments $common '1:build file:_files -g "*.json"' ;;
    import)
      _arguments $common '(-o --output)'{-o,--output}'[the build file to write]:file:_files -g "*.json"' \
        '*--pick[the part for a line]:LINE=ID:' '--name[the build'"'"'s name]:name:' \
        '1:part list:_files' ;;
    export)
      _arguments $common '(-o --output)'{-o,--output}'[the list to write]:file:_files' \
        '--format[format]:format:(pcpartpicker-md)' '--min-clearance[mm]:mm:' \
        '1:build file:_files -g "*.json"' ;;
    parts)
      if (( CURRENT == 2 )); then
        _values 'parts command' list show search validate audit
      elif [[ $words[2] == show ]]; then
        _rigfit_part_ids
      else
        _arguments '--category[one category]:category:(case motherboard gpu cpu cooler memory psu storage fan radiator)' \
          '--limit[how many]:n:' '--format[output format]:format:(text json)' '--all[every row]' \
          '*:words:'
      fi ;;
    help) _describe -t commands 'rigfit command' commands ;;
  esac
}

_rigfit "$@"
