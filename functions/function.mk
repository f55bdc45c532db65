# Shared by every function's Makefile (SAM's makefile build method runs `make build-<LogicalId>` with the function's
# Makefile; see docs/deployment.md). The including Makefile sets FUNCTION (its module folder) and LOGICAL_ID.
# The Maven reactor builds the function's jar (the function and exactly its dependencies) unless it is newer than
# every source it comes from; the jar's content becomes the deployment package.
ROOT := $(or $(CLOSEDLOOP_ROOT),$(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..))
JAR := $(ROOT)/functions/$(FUNCTION)/target/$(FUNCTION)-0.1.0-SNAPSHOT-lambda.jar
SOURCES := $(shell find "$(ROOT)/shared" "$(ROOT)/functions/$(FUNCTION)" -path '*/target' -prune -o -type f \( -name '*.java' -o -name '*.jte' -o -name 'pom.xml' -o -path '*/resources/*' \) -print) $(ROOT)/pom.xml $(ROOT)/functions/pom.xml

build-$(LOGICAL_ID): $(JAR)
	cd "$(ARTIFACTS_DIR)" && unzip -q -o "$(JAR)"

$(JAR): $(SOURCES)
	cd "$(ROOT)" && ./mvnw -q -B -DskipTests -pl functions/$(FUNCTION) -am package
