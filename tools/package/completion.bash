# bash completion for rigfit: commands, each command's options, part ids (from the catalog the
# program reads), views, formats, categories and build files.

_rigfit_part_ids() {
  rigfit parts list 2>/dev/null | awk '$3 == "curated" || $3 == "opendb" { print $2 }'
}

_rigfit() {
  local IFS=$'\n' # one completion a line: file names with spaces stay whole
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion || return
  else
    cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
  fi
  local commands=$'check\nsolve\nreport\nrender\nparts\nview\nimport\nexport\nhelp\nversion'
  if [ "$cword" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$commands"$'\n--help\n--version' -- "$cur"))
    return
  fi
  local cmd=${words[1]}
  case $prev in
    --add | --max) COMPREPLY=($(compgen -W "$(_rigfit_part_ids)" -- "$cur")); return ;;
    --view) COMPREPLY=($(compgen -W $'iso\nfront\nside\ntop' -- "$cur")); return ;;
    --format)
      if [ "$cmd" = export ]; then
        COMPREPLY=($(compgen -W 'pcpartpicker-md' -- "$cur"))
      elif [ "$cmd" = report ]; then
        COMPREPLY=($(compgen -W $'html\nmd\njson' -- "$cur"))
      else
        COMPREPLY=($(compgen -W $'text\njson\nmd' -- "$cur"))
      fi
      return ;;
    --category)
      COMPREPLY=($(compgen -W $'case\nmotherboard\ngpu\ncpu\ncooler\nmemory\npsu\nstorage\nfan\nradiator' -- "$cur"))
      return ;;
    --parts | --more-parts) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    -o | --output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --min-clearance | --limit | --size | --min-length | --max-length | --max-thickness | \
      --maker | --alternatives) return ;;
  esac
  local options
  case $cmd in
    check) options=$'--format\n--min-clearance\n--strict\n--parts\n--more-parts\n--help' ;;
    solve) options=$'--add\n--max\n--alternatives\n--maker\n--min-length\n--max-length\n--max-thickness\n--limit\n--format\n--min-clearance\n--parts\n--more-parts\n--help' ;;
    report) options=$'-o\n--output\n--format\n--with-solve\n--no-renders\n--min-clearance\n--parts\n--more-parts\n--help' ;;
    import) options=$'-o\n--output\n--pick\n--name\n--parts\n--more-parts\n--help' ;;
    export) options=$'-o\n--output\n--format\n--min-clearance\n--parts\n--more-parts\n--help' ;;
    render) options=$'-o\n--view\n--size\n--backend\n--parts\n--more-parts\n--help' ;;
    view) options=$'--parts\n--more-parts\n--help' ;;
    parts)
      if [ "$cword" -eq 2 ]; then
        COMPREPLY=($(compgen -W $'list\nshow\nsearch\nvalidate\naudit' -- "$cur"))
        return
      fi
      case ${words[2]} in
        show) [ "$cword" -eq 3 ] && COMPREPLY=($(compgen -W "$(_rigfit_part_ids)" -- "$cur")) ;;
        validate) COMPREPLY=($(compgen -d -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W $'--category\n--limit\n--format\n--all\n--parts\n--more-parts' -- "$cur")) ;;
      esac
      return ;;
    help) COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
    *) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else
    # a build file: folders and .json files
    COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.json' -- "$cur"))
  fi
}
complete -o filenames -F _rigfit rigfit
