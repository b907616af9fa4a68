# Sourced by ./shopscale and .ci/run: sets JAVA_HOME to a JDK 21 or newer, or explains what is missing.
# Order: $JAVA_HOME if it is new enough, then the newest JDK under /usr/lib/jvm, then `java` on the PATH.

shopscale_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}

shopscale_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(shopscale_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(shopscale_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(shopscale_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      best="$candidate"
    fi
  fi
  if [ -z "$best" ]; then
    echo "ShopScale needs a JDK 21 or newer, and none was found." >&2
    echo "  Looked at: \$JAVA_HOME (${JAVA_HOME:-unset}), /usr/lib/jvm/*, /opt/java/*, ~/.sdkman and the PATH." >&2
    echo "  Install one (e.g. 'apt-get install openjdk-21-jdk-headless', or Temurin 21/25) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
