{{/* Name of the chart, or nameOverride. */}}
{{- define "aimass.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name that prefixes every object: the release name, plus the chart name unless the
release name already holds it. */}}
{{- define "aimass.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of one component's objects; the argument is
(dict "root" $ "component" "platform-api"). */}}
{{- define "aimass.componentName" -}}
{{- $prefix := include "aimass.fullname" .root | trunc 40 | trimSuffix "-" }}
{{- printf "%s-%s" $prefix .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the pods of the release. */}}
{{- define "aimass.selectorLabels" -}}
app.kubernetes.io/name: {{ include "aimass.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of every object. */}}
{{- define "aimass.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "aimass.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: aimass
{{- end }}

{{/* Labels that select one component's pods; the argument is (dict "root" $ "component" "..."). */}}
{{- define "aimass.componentSelectorLabels" -}}
{{ include "aimass.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Labels of one component's objects; the argument is (dict "root" $ "component" "..."). */}}
{{- define "aimass.componentLabels" -}}
{{ include "aimass.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Image reference; the argument is (dict "root" $ "image" .Values.x.image). */}}
{{- define "aimass.image" -}}
{{- $tag := .image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- if .root.Values.image.registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{/* Name of the ServiceAccount of the pods. */}}
{{- define "aimass.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "aimass.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Name of the Secret with the signing key, the artifact key and the admin password. */}}
{{- define "aimass.keysSecretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-keys" (include "aimass.fullname" .)) }}
{{- end }}

{{/* JDBC URL of the external PostgreSQL. */}}
{{- define "aimass.jdbcUrl" -}}
{{- $url := printf "jdbc:postgresql://%s:%d/%s"
  .Values.database.host (int .Values.database.port) .Values.database.name }}
{{- if .Values.database.parameters }}
{{- printf "%s?%s" $url .Values.database.parameters }}
{{- else }}
{{- $url }}
{{- end }}
{{- end }}

{{/* Database environment of the services and the migration Job. */}}
{{- define "aimass.databaseEnv" -}}
- name: AIMASS_DB_URL
  value: {{ include "aimass.jdbcUrl" . | quote }}
- name: AIMASS_DB_USER
  value: {{ .Values.database.user | quote }}
- name: AIMASS_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.passwordKey }}
{{- end }}

{{/* Artifact-store environment of the services that read or write artifacts. */}}
{{- define "aimass.artifactEnv" -}}
- name: AIMASS_ARTIFACTS_ENCRYPTIONKEY
  valueFrom:
    secretKeyRef:
      name: {{ include "aimass.keysSecretName" . }}
      key: artifact-encryption-key
- name: AIMASS_ARTIFACTS_KEYID
  value: {{ .Values.artifacts.keyId | quote }}
{{- end }}

{{/* envFrom of the services that read artifacts: earlier artifact keys, by id. */}}
{{- define "aimass.artifactEnvFrom" -}}
{{- if .Values.artifacts.previousKeysSecret }}
envFrom:
  - prefix: AIMASS_ARTIFACTS_PREVIOUSKEYS_
    secretRef:
      name: {{ .Values.artifacts.previousKeysSecret }}
{{- end }}
{{- end }}

{{/* Pod security context of every pod: a fixed non-root user, the runtime's seccomp profile. */}}
{{- define "aimass.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Security context of every container: read-only root file system, no capabilities. */}}
{{- define "aimass.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Probes on the Spring Boot health groups; the argument is the container port name. */}}
{{- define "aimass.probes" -}}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: {{ . }}
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: {{ . }}
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: {{ . }}
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end }}

{{/* The writable emptyDir for /tmp. */}}
{{- define "aimass.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end }}

{{/* The writable emptyDir for the JavaCPP cache of DL4J pods (the images set its path). */}}
{{- define "aimass.nativeCacheVolume" -}}
- name: javacpp-cache
  emptyDir:
    sizeLimit: {{ .Values.nativeCacheSizeLimit }}
{{- end }}

{{/* One byte as a string: decodes the base64 of a single byte, since templates have no byte
literals. */}}
{{- define "aimass.byte" -}}
{{- $alphabet := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/" }}
{{- $high := div . 4 | int }}
{{- $low := mul (mod . 4) 16 | int }}
{{- printf "%s%s==" (substr $high (add1 $high | int) $alphabet) (substr $low (add1 $low | int) $alphabet) | b64dec }}
{{- end }}

{{/*
A new 4096-bit RSA key as PKCS#8 PEM (BEGIN PRIVATE KEY), the form platform-api reads.
genPrivateKey writes PKCS#1 (BEGIN RSA PRIVATE KEY), so its DER is wrapped in a PKCS#8
PrivateKeyInfo: SEQUENCE { INTEGER 0, SEQUENCE { OID rsaEncryption, NULL }, OCTET STRING }.
The fixed middle part is AgEAMA0GCSqGSIb3DQEBAQUABII= (02 01 00 30 0d 06 09 2a 86 48 86 f7
0d 01 01 01 05 00 04 82); both lengths take two bytes, as a 4096-bit key needs.
*/}}
{{- define "aimass.generateSigningKey" -}}
{{- $pkcs1 := genPrivateKey "rsa"
  | replace "-----BEGIN RSA PRIVATE KEY-----" ""
  | replace "-----END RSA PRIVATE KEY-----" ""
  | nospace | b64dec }}
{{- $length := len $pkcs1 }}
{{- $total := add $length 22 | int }}
{{- $der := printf "%s%s%s%s%s%s%s%s"
  (include "aimass.byte" 48) (include "aimass.byte" 130)
  (include "aimass.byte" (div $total 256 | int)) (include "aimass.byte" (mod $total 256 | int))
  (b64dec "AgEAMA0GCSqGSIb3DQEBAQUABII=")
  (include "aimass.byte" (div $length 256 | int)) (include "aimass.byte" (mod $length 256 | int))
  $pkcs1 }}
{{- $body := regexReplaceAll "(.{64})" (b64enc $der) "${1}\n" | trimSuffix "\n" }}
{{- printf "-----BEGIN PRIVATE KEY-----\n%s\n-----END PRIVATE KEY-----\n" $body }}
{{- end }}
