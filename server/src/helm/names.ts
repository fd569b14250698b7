// Every function name Helm's template engine defines (Go builtins, Sprig's generic map minus env/expandenv, Helm's
// own). A name outside this set is a parse error, as in Helm; a name inside it the engine does not evaluate is unknown.
const GO_BUILTINS = 'and call html index slice js len not or print printf println urlquery eq ge gt le lt ne';
const SPRIG =
  'hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate htmlDateInZone ' +
  'must_date_modify mustDateModify mustToDate now toDate unixEpoch abbrev abbrevboth trunc trim upper lower title ' +
  'untitle substr repeat trimall trimAll trimSuffix trimPrefix nospace initials randAlphaNum randAlpha randAscii ' +
  'randNumeric swapcase shuffle snakecase camelcase kebabcase wrap wrapWith contains hasPrefix hasSuffix quote squote ' +
  'cat indent nindent replace plural sha1sum sha256sum sha512sum adler32sum toString atoi int64 int float64 seq toDecimal ' +
  'split splitList splitn toStrings until untilStep add1 add sub div mod mul randInt add1f addf subf divf mulf ' +
  'biggest max min maxf minf ceil floor round join sortAlpha default empty coalesce all any compact mustCompact ' +
  'fromJson toJson toPrettyJson toRawJson mustFromJson mustToJson mustToPrettyJson mustToRawJson ternary deepCopy ' +
  'mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs deepEqual getHostByName base dir clean ext isAbs b64enc ' +
  'b64dec b32enc b32dec tuple list dict get set unset hasKey pluck keys pick omit merge mergeOverwrite mustMerge ' +
  'mustMergeOverwrite values append push mustAppend mustPush prepend mustPrepend first mustFirst rest mustRest last ' +
  'mustLast initial mustInitial reverse mustReverse uniq mustUniq without mustWithout has mustHas mustSlice concat ' +
  'dig chunk mustChunk bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA genCAWithKey ' +
  'genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES decryptAES randBytes ' +
  'uuidv4 semver semverCompare fail regexMatch mustRegexMatch regexFindAll mustRegexFindAll regexFind mustRegexFind ' +
  'regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral mustRegexReplaceAllLiteral regexSplit mustRegexSplit ' +
  'regexQuoteMeta urlParse urlJoin osBase osClean osDir osExt osIsAbs';
const HELM = 'toToml fromToml toYaml toYamlPretty mustToYaml fromYaml fromYamlArray mustFromYaml fromJsonArray include tpl required lookup';

export const ALL_FUNCTION_NAMES: ReadonlySet<string> = new Set(`${GO_BUILTINS} ${SPRIG} ${HELM}`.split(/\s+/).filter(Boolean));
