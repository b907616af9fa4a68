# Sourced by ./shopscale, .ci/run and the benchmark scripts: finds a JDK 21 or newer.
# require_java sets $java (the java binary) and exports JAVA_HOME, or explains what is missing and exits.
# SHOPSCALE_JVM_ROOT changes where installed JDKs are looked for (default /usr/lib/jvm).

min_java=21
jvm_root="${SHOPSCALE_JVM_ROOT:-/usr/lib/jvm}"
rejected=()

# The feature version of a java binary (8, 17, 21, ...), from its JDK's release file or else from -version.
java_version() {
  local java="$1" jdk line=""
  jdk="$(dirname "$(dirname "$(readlink -f "$java")")")"
  if [[ -f "$jdk/release" ]]; then
    line="$(grep -E '^JAVA_VERSION=' "$jdk/release" || true)"
  fi
  if [[ -z "$line" ]]; then
    line="$("$java" -version 2>&1 | head -n 1 || true)"
  fi
  if [[ "$line" =~ \"1\.([0-9]+) ]]; then
    echo "${BASH_REMATCH[1]}"
  elif [[ "$line" =~ \"([0-9]+) ]]; then
    echo "${BASH_REMATCH[1]}"
  else
    echo 0
  fi
}

# Sets $java: $JAVA_HOME if new enough, else the newest new-enough JDK under $jvm_root, else java on the PATH.
pick_java() {
  local candidate version best="" best_version=0 found=()
  if [[ -n "${JAVA_HOME:-}" ]]; then
    if [[ -x "$JAVA_HOME/bin/java" ]]; then
      version="$(java_version "$JAVA_HOME/bin/java")"
      if ((version >= min_java)); then
        java="$JAVA_HOME/bin/java"
        return 0
      fi
      rejected+=("JAVA_HOME=$JAVA_HOME is Java $version")
    else
      rejected+=("JAVA_HOME=$JAVA_HOME has no bin/java")
    fi
  else
    rejected+=("JAVA_HOME is not set")
  fi
  for candidate in "$jvm_root"/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    version="$(java_version "$candidate")"
    found+=("$version")
    if ((version >= min_java && version > best_version)); then
      best="$candidate"
      best_version="$version"
    fi
  done
  if [[ -n "$best" ]]; then
    java="$best"
    return 0
  fi
  if ((${#found[@]})); then
    rejected+=("$jvm_root has only Java $(printf '%s\n' "${found[@]}" | sort -nu | paste -sd, -)")
  else
    rejected+=("$jvm_root has no JDK")
  fi
  if candidate="$(command -v java)"; then
    version="$(java_version "$candidate")"
    if ((version >= min_java)); then
      java="$candidate"
      return 0
    fi
    rejected+=("java on the PATH ($candidate) is Java $version")
  else
    rejected+=("there is no java on the PATH")
  fi
  return 1
}

require_java() {
  if pick_java; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java")")")"
    export JAVA_HOME
    return 0
  fi
  {
    echo "shopscale needs a JDK $min_java or newer and found none:"
    printf '  - %s\n' "${rejected[@]}"
    echo "Install one, then run ./shopscale again (or point JAVA_HOME at it), for example:"
    echo "  sudo apt-get install openjdk-21-jdk      (Ubuntu 24.04, Debian 13)"
    echo "  Eclipse Temurin 21 or 25, e.g. apt-get install temurin-21-jdk after adding the Adoptium"
    echo "  repository: https://adoptium.net/installation/linux/"
  } >&2
  exit 1
}
