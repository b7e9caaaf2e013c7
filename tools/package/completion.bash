# bash completion for rigfit: commands, each command's options, part ids (from the catalog the
# program reads), views, formats, categories and build files.

_rigfit_part_ids() {
  rigfit parts list 2>/dev/null | awk '$3 == "curated" || $3 == "opendb" { print $2 }'
}

_rigfit() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion || return
  else
    cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
  fi
  local commands="check solve report render parts view help version"
  if [ "$cword" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  local cmd=${words[1]}
  case $prev in
    --add | --max) COMPREPLY=($(compgen -W "$(_rigfit_part_ids)" -- "$cur")); return ;;
    --view) COMPREPLY=($(compgen -W "iso front side top" -- "$cur")); return ;;
    --format)
      if [ "$cmd" = report ]; then
        COMPREPLY=($(compgen -W "html md json" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "text json md" -- "$cur"))
      fi
      return ;;
    --category)
      COMPREPLY=($(compgen -W "case motherboard gpu cpu cooler memory psu storage fan radiator" -- "$cur"))
      return ;;
    --parts | --more-parts) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    -o | --output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --min-clearance | --limit | --size | --min-length | --max-length | --max-thickness | \
      --maker | --alternatives) return ;;
  esac
  local options
  case $cmd in
    check) options="--format --min-clearance --strict --parts --more-parts --help" ;;
    solve) options="--add --max --alternatives --maker --min-length --max-length --max-thickness
                    --limit --format --min-clearance --parts --more-parts --help" ;;
    report) options="-o --output --format --with-solve --no-renders --min-clearance --parts
                     --more-parts --help" ;;
    render) options="-o --view --size --backend --parts --more-parts --help" ;;
    view) options="--parts --more-parts --help" ;;
    parts)
      if [ "$cword" -eq 2 ]; then
        COMPREPLY=($(compgen -W "list show search validate audit" -- "$cur"))
        return
      fi
      case ${words[2]} in
        show) [ "$cword" -eq 3 ] && COMPREPLY=($(compgen -W "$(_rigfit_part_ids)" -- "$cur")) ;;
        validate) COMPREPLY=($(compgen -d -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "--category --limit --format --all --parts --more-parts" -- "$cur")) ;;
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
