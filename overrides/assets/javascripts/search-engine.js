// How the handbook's search worker (search-worker.js) matches a query; loaded with lunr.js and the
// index when the reader first searches, so pages do not load it:
// - each word is matched stemmed (so "arguments" finds "argument", «avbrytes» finds «avbryter»)
//   and as a prefix of the words in the text (so "compens" finds "compensation");
// - the index is built with the site (scripts/handbook/search/: lunr.py, with the termbase synonyms
//   and compound parts readers type, and subsections named by their section), so the worker only
//   loads it: no indexing in the browser;
// - stop words count half as much as other words: in a short query they carry meaning ("this is
//   all I can do", "early and often", «ingen hadde sagt fra»), yet a word of the topic outweighs them;
// - a section and its subsections ("Poor communication", its "How it shows up" and "What to do",
//   the index's `sections`) are one text to the reader: each is scaled by the share of the
//   query's content words found anywhere in that text, and the best of them scores for all;
// - a query that says something did not happen ("nobody told them", «ba ikke om unnskyldning")
//   ranks the sections on what goes wrong first (roadblocks, mistakes: the index's `pitfalls`),
//   and any other query the rest, in a language whose `negations` the index ships;
// - the words that ask a question of amount ("how much", «hvor mye»: the index's `questions`)
//   count as stop words, so "how much discount can I give" does not rank "Too much work" first;
// - apostrophes are typed many ways (’ ‘ ʼ ´ `): each is the handbook's ';
// - a query of punctuation alone finds nothing, not everything;
// - a word that matches nothing is searched as the handbook word the index's expansion table
//   maps it to (synonyms from the thesauri, scripts/handbook/search/vocabulary.py); failing
//   that, as the handbook word it spells without the language's own letters ("hoylytt" for
//   «høylytt»), or as the handbook words inside it ("disrespectful" holds "respect");
// - such a word is also searched a letter off (two in a long word), stemmed and as typed (a typo
//   can move where the stemmer cuts), and if the query still finds nothing, all its words are
//   searched so;
// - a word whose stem is a stop word, though it is none itself, is searched with its apostrophe
//   where the index has that word: "thats" as "that's", not as "that";
// - a result card shows every section of its page that scores at least half as high as the
//   page's best (up to three), where Material would fold all but the best;
// - when nothing matches at all, `nothingFound` gives the closest title words and the topics.
"use strict";

var STEMMED_BOOST = 10;
var PREFIX_BOOST = 2;
var STOP_WORD_BOOST = 0.5;
var MIN_PREFIX = 3;
var EXPANSION_BOOST = 0.5;  // a thesaurus word counts half as much as the word typed
var MIN_FUZZY = 4;  // shorter words are one letter away from too many others
var LONG_WORD = 9;  // and stems this long may have two letters wrong
var MAX_SUGGESTIONS = 3;
var MARKED_CARDS = 30;  // cards whose title and text have the query's words marked: a word in every section
                       // of a large handbook would otherwise mark thousands before the first result shows
var MIN_PART = 4;  // letters of a handbook word found inside a word typed
var MAX_PARTS = 2;  // handbook words searched for one word typed
var MIN_PART_SHARE = 0.45;  // of the word's letters: "hear" is not a part of "heartless"
var MAX_ENDING = 3;  // letters after a part that ends a word ("ful", «et»)
var SHOWN_SHARE = 0.5;  // of the best section's score: sections shown in a result card, not folded
var SHOWN_SECTIONS = 3;  // per card
var NEGATED_BOOST = 1.5;  // a pitfall section, for a query with a negation
var AFFIRMED_BOOST = 1.1;  // any other section, for a query without one (only the two ratios count)
var APOSTROPHES = /[\u2019\u2018\u02bc\u00b4`]/g;

function makeSearch(data) {
  var language = data.lang === "en" ? lunr : lunr[data.lang];
  var docs = data.docs;  // a result's ref is its section's place in this list
  lunr.tokenizer.separator = new RegExp(data.separator);
  var index = lunr.Index.load(expand(data.index));
  var terms = data.index.postings.map(function (entry) { return entry[0]; });  // in JavaScript's order
  var expansions = expansionTable(data.vocabulary || "");
  var pitfalls = Object.create(null);  // refs of the sections on what goes wrong
  (data.pitfalls || []).forEach(function (ref) { pitfalls[ref] = true; });
  var negations = Object.create(null);
  (data.negations || "").split(" ").forEach(function (word) { if (word) negations[word] = true; });
  var polar = Object.keys(negations).length > 0;  // without negations, no query is told from another
  var questions = Object.create(null);  // "how much" -> true
  (data.questions || "").split(",").forEach(function (pair) { if (pair) questions[pair] = true; });
  // How much a query's negation, or its absence, raises a section: what went wrong for a query
  // that says something did not happen, the rest for any other.
  function polarity(ref, negated) {
    if (!polar) return 1;
    if (pitfalls[ref]) return negated ? NEGATED_BOOST : 1;
    return negated ? 1 : AFFIRMED_BOOST;
  }
  var sectionOf = docs.map(function (doc, ref) { return ref; });  // a subsection's ref -> its section's
  (data.sections || []).forEach(function (pair) { sectionOf[pair[0]] = pair[1]; });
  var byLocation = Object.create(null);
  docs.forEach(function (doc) { byLocation[doc.location] = doc; });
  var stemCache = Object.create(null);
  function stem(word) {
    if (!(word in stemCache)) stemCache[word] = language.stemmer(new lunr.Token(word)).toString();
    return stemCache[word];
  }
  function isStopWord(word) {
    return !language.stopWordFilter(new lunr.Token(word));
  }
  function isKnown(word) {
    return Object.prototype.hasOwnProperty.call(index.invertedIndex, stem(word)) || hasPrefix(terms, word);
  }
  // A word typed without the language's own letters ("hoylytt", "paa"): the index term it stands for.
  var plainSpellings = null;  // made when first needed: most queries never need it
  function withLetters(word) {
    if (!plainSpellings) {
      plainSpellings = Object.create(null);
      terms.forEach(function (term) {
        var plain = plainLetters(term);
        if (plain !== term && !(plain in plainSpellings)) plainSpellings[plain] = term;
      });
    }
    var plain = plainLetters(word.replace(/aa/g, "a").replace(/oe/g, "o"));
    var term = plainSpellings[plainLetters(word)] || plainSpellings[stem(word)] || plainSpellings[plain] || plainSpellings[stem(plain)];
    return term ? [term] : null;
  }
  // A word typed without its apostrophe ("thats"): the index term it spells with one.
  function withApostrophe(word) {
    for (var at = 1; at < word.length; at++) {
      var spelt = stem(word.slice(0, at) + "'" + word.slice(at));
      if (Object.prototype.hasOwnProperty.call(index.invertedIndex, spelt)) return [spelt];
    }
    return null;
  }
  // The handbook words inside a word it does not know: "disrespectful" holds "respect",
  // «kassasystemet» holds «system»; the longest first, then the longest in what is left.
  function parts(word) {
    var found = [];
    var rest = word;
    while (found.length < MAX_PARTS) {
      var part = longestTermIn(rest);
      if (!part) break;
      found.push(part);
      rest = rest.replace(part, " ");
    }
    return found;
  }
  function longestTermIn(word) {
    var best = "";
    if (word.length <= MIN_PART) return best;
    terms.forEach(function (term) {
      if (term.length > best.length && term.length >= MIN_PART && term.length < word.length &&
          term.length >= word.length * MIN_PART_SHARE && isPartOf(term, word) && !isStopWord(term)) best = term;
    });
    return best;
  }
  // A part begins the word («respekt|løs») or ends it but for an ending (dis|respect|ful,
  // «kassa|system|et»): "tabl" in "unacceptable" is neither.
  function isPartOf(term, word) {
    var at = word.indexOf(term);
    return at === 0 || (at > 0 && word.length - at - term.length <= MAX_ENDING);
  }
  // The words typed that only ask a question of amount ("how much" in "how much discount", «kor
  // lenge»): both words of a pair, if the word is never typed outside one ("how much is too much"
  // keeps its "much").
  function questionWords(typed) {
    var asks = typed.map(function () { return false; });
    typed.forEach(function (word, at) {
      if (at > 0 && questions[typed[at - 1] + " " + word]) asks[at - 1] = asks[at] = true;
    });
    var found = Object.create(null);
    typed.forEach(function (word, at) { found[word] = (found[word] !== false) && asks[at]; });
    return found;
  }
  // A word searched a letter or two off: its stem, and the word as typed where the stemmer cuts
  // it elsewhere than the word meant («erstatnig» is cut to «erstatn», three letters off
  // «erstatning», the stem of the word meant; as typed, it is one letter off). The terms only the
  // word as typed reaches are searched one by one, so that no term counts twice.
  function misspelt(q, word, boost) {
    var root = stem(word);
    q.term(word, {usePipeline: true, editDistance: typoEdits(root), boost: boost});
    if (root === word) return;
    terms.forEach(function (term) {
      if (isTypo(word, term, root) && !isTypo(root, term, root)) q.term(term, {usePipeline: false, boost: boost});
    });
  }
  function run(words, asking, fuzzy) {
    function isQuiet(word) {  // counts as a stop word in this query
      return asking[word] || isStopWord(word);
    }
    var alternatives = Object.create(null);  // query word -> the handbook words searched in its place
    var typos = Object.create(null);  // query words also searched one letter off
    var results = index.query(function (q) {
      words.forEach(function (word) {
        var weight = isQuiet(word) ? STOP_WORD_BOOST : 1;
        if (fuzzy) {
          if (stem(word).length >= MIN_FUZZY) misspelt(q, word, weight);
          return;
        }
        q.term(word, {usePipeline: true, boost: STEMMED_BOOST * weight});
        if (word.length >= MIN_PREFIX)
          q.term(word, {usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: PREFIX_BOOST * weight});
        var apostrophe = !isStopWord(word) && isStopWord(stem(word)) ? withApostrophe(word) : null;
        if (apostrophe) {  // "thats" would otherwise be searched as the stop word "that"
          alternatives[word] = apostrophe;
          q.term(apostrophe[0], {usePipeline: false, boost: STEMMED_BOOST * weight});
          return;
        }
        if (isKnown(word)) return;
        var instead = expansions[stem(word)] ? [expansions[stem(word)]] : withLetters(word);
        if (!instead && stem(word).length >= MIN_FUZZY && !isQuiet(word)) {
          typos[word] = true;  // "appologize", «løsningsorientrt»: a letter or two off a handbook word
          misspelt(q, word, STEMMED_BOOST * EXPANSION_BOOST * weight);
        }
        alternatives[word] = instead || parts(word);
        alternatives[word].forEach(function (term) {
          q.term(term, {usePipeline: false, boost: STEMMED_BOOST * EXPANSION_BOOST * weight});
        });
      });
    });
    var match = {stem: stem, alternatives: alternatives, typos: typos, fuzzy: fuzzy};
    var negated = words.some(function (word) { return negations[word]; });
    return bySection(results.map(function (result) {
      return matched(result, docs[result.ref].location, words, match, polarity(result.ref, negated));
    }), sectionOf, words, isQuiet);
  }
  return {
    search: function (query) {
      var typed = typedWords(query);
      var words = unique(typed);
      if (!words.length) return [];  // only punctuation: lunr would list every section
      var asking = questionWords(typed);
      var results = run(words, asking, false);
      if (!results.length) results = run(words, asking, true);
      return group(results, byLocation, words, stem);
    },
    nothingFound: function (query) {
      return {query: query, found: false, suggestions: suggestions(unique(typedWords(query)), docs),
        topics: docs.filter(function (doc) { return doc.location && doc.location.indexOf("#") === -1; })
          .map(function (doc) { return {location: doc.location, title: doc.title}; })};
    }
  };
}

// The expansion table as the site ships it: "handbook:reader,reader handbook:reader …" (stems).
function expansionTable(text) {
  var table = Object.create(null);
  text.split(" ").forEach(function (entry) {
    var parts = entry.split(":");
    if (parts.length === 2) parts[1].split(",").forEach(function (reader) { table[reader] = parts[0]; });
  });
  return table;
}

// How many letters a typo may be off a handbook term, counted on its stem: one, two in a long one.
function typoEdits(root) {
  return root.length >= LONG_WORD ? 2 : 1;
}

// Whether `typed` (a stem, or a word as typed) is a typo of the index term `term`, within the
// letters its stem `root` allows.
function isTypo(typed, term, root) {
  return editDistance(typed, term, typoEdits(root)) <= typoEdits(root);
}

// A word as it is typed on a keyboard without æ, ø and å.
function plainLetters(word) {
  return word.replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a");
}

// Whether a term of the sorted list starts with `prefix` (the worker's trailing wildcard would match).
function hasPrefix(sorted, prefix) {
  var low = 0, high = sorted.length;
  while (low < high) {
    var middle = (low + high) >> 1;
    if (sorted[middle] < prefix) low = middle + 1; else high = middle;
  }
  return low < sorted.length && sorted[low].indexOf(prefix) === 0;
}

// The words of the section titles closest to the words typed (at most two edits, fewer for short
// words), nearest first, then the most frequent: what "Did you mean" offers.
function suggestions(words, docs) {
  var counts = Object.create(null);
  docs.forEach(function (doc) {
    (doc.title.replace(/<[^>]*>/g, " ").toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) || []).forEach(function (word) {
      counts[word] = (counts[word] || 0) + 1;
    });
  });
  var found = [];
  words.forEach(function (word) {
    var limit = word.length < 5 ? 1 : 2;
    Object.keys(counts).forEach(function (known) {
      var distance = editDistance(word, known, limit);
      if (distance <= limit && known !== word) found.push({word: known, distance: distance, count: counts[known]});
    });
  });
  found.sort(function (a, b) { return a.distance - b.distance || b.count - a.count || (a.word < b.word ? -1 : 1); });
  var seen = Object.create(null);
  return found.filter(function (item) {
    var fresh = !seen[item.word];
    seen[item.word] = true;
    return fresh;
  }).slice(0, MAX_SUGGESTIONS).map(function (item) { return item.word; });
}

// Edit distance counting a swap of two neighbouring letters as one edit, as lunr's fuzzy terms
// do (optimal string alignment), cut short once it exceeds `limit`.
function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  var before = null;
  var previous = [];
  for (var j = 0; j <= b.length; j++) previous.push(j);
  for (var i = 1; i <= a.length; i++) {
    var current = [i];
    var best = i;
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var distance = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, before[j - 2] + 1);
      current.push(distance);
      best = Math.min(best, distance);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

// lunr's serialised index from the smaller form the site ships (scripts/handbook/search/lunr_index.py,
// `compact`): per field, one vector per document; per term, the documents as differences.
function expand(compact) {
  var fieldVectors = [];
  var invertedIndex = [];
  compact.fields.forEach(function (field) {
    compact.vectors[field].forEach(function (vector, ref) {
      if (vector.length) fieldVectors.push([field + "/" + ref, vector]);
    });
  });
  var none = Object.freeze({});  // no term positions are kept: one empty object serves every
                                 // posting (lunr only reads it)
  compact.postings.forEach(function (entry) {
    var posting = {_index: entry[1]};
    compact.fields.forEach(function (field, number) {
      var refs = {};
      var ref = 0;
      entry[2 + number].forEach(function (step) {
        ref += step;
        refs[ref] = none;
      });
      posting[field] = refs;
    });
    invertedIndex.push([entry[0], posting]);
  });
  return {version: compact.version, fields: compact.fields, fieldVectors: fieldVectors,
    invertedIndex: invertedIndex, pipeline: compact.pipeline};
}

// The words of a query as typed, in order, punctuation trimmed off.
function typedWords(query) {
  return lunr.tokenizer(query).map(function (token) {
    return token.toString().replace(APOSTROPHES, "'").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }).filter(Boolean);
}

function unique(words) {
  var seen = Object.create(null);
  return words.filter(function (word) {
    var fresh = !seen[word];
    seen[word] = true;
    return fresh;
  });
}

// Which query words a result matched (stemmed, as a prefix, through the word searched in its
// place, or a typo away), and its score times `boost`.
function matched(result, location, words, match, boost) {
  var found = Object.keys(result.matchData.metadata);
  var terms = Object.create(null);
  words.forEach(function (word) {
    var root = match.stem(word);
    var instead = match.alternatives[word] || [];
    terms[word] = found.some(function (term) {
      return term === root || term.indexOf(word) === 0 || instead.indexOf(term) !== -1 ||
        ((match.fuzzy || match.typos[word]) && (isTypo(root, term, root) || isTypo(word, term, root)));
    });
  });
  return {ref: result.ref, location: location, score: result.score * boost, terms: terms};
}

// Each result's score scaled by the share of the query's content words that its section (with
// its subsections) contains; the best result of a section scores the sum of the section's, so a
// section whose words are spread over its subsections is not outranked by one that holds fewer.
function bySection(results, sectionOf, words, isQuiet) {
  var content = words.filter(function (word) { return !isQuiet(word); });
  var counted = content.length ? content : words;
  var sections = new Map();  // section ref -> {found: words, total: summed score, best: result}
  results.forEach(function (result) {
    var key = sectionOf[result.ref];
    var section = sections.get(key);
    if (!section) sections.set(key, section = {found: Object.create(null), total: 0, best: result});
    counted.forEach(function (word) { if (result.terms[word]) section.found[word] = true; });
    section.total += result.score;
    if (result.score > section.best.score) section.best = result;
  });
  sections.forEach(function (section) {
    section.coverage = Object.keys(section.found).length / counted.length;
  });
  return results.map(function (result) {
    var section = sections.get(sectionOf[result.ref]);
    var score = result === section.best ? section.total : result.score;
    return {location: result.location, score: score * section.coverage, terms: result.terms};
  });
}

// Results by page, best page first; each page's own entry leads its group, as Material renders it
// (ten cards at first, more as the reader scrolls).
function group(results, byLocation, words, stem) {
  var pages = new Map();  // page -> {page, best, items: Map(location -> result)}, in first-seen order
  results.forEach(function (result) {
    var location = result.location;
    var cut = location.indexOf("#");
    var page = cut === -1 ? location : location.slice(0, cut);
    var entry = pages.get(page);
    if (!entry) {
      entry = {page: page, best: 0, items: new Map()};
      pages.set(page, entry);
    }
    if (result.score > entry.best) entry.best = result.score;
    entry.items.set(location, result);
  });
  var mark = highlighter(words, stem);
  var ranked = Array.from(pages.values()).sort(function (a, b) { return b.best - a.best; });
  return ranked.map(function (entry, rank) {
    var items = entry.items;
    if (!items.has(entry.page) && byLocation[entry.page]) items.set(entry.page, {location: entry.page, score: 0, terms: {}});
    var marked = rank < MARKED_CARDS;
    return shown(Array.from(items.values(), function (item) {
      var doc = byLocation[item.location];
      return {location: item.location, title: marked ? mark(doc.title) : doc.title,
        text: marked ? mark(doc.text) : doc.text, score: item.score, terms: item.terms};
    }).sort(function (a, b) { return b.score - a.score; }));
  });
}

// Material shows a page's sections that score as high as its best one and folds the others
// into "N more on this page"; so the sections that score at least SHOWN_SHARE of the best (up
// to SHOWN_SECTIONS of them) are given the best score: the reader sees them without unfolding.
function shown(items) {
  var best = items.length ? items[0].score : 0;
  var count = 0;
  return items.map(function (item) {
    var section = item.location.indexOf("#") !== -1;
    if (!section || item.score < best * SHOWN_SHARE || count >= SHOWN_SECTIONS) return item;
    count += 1;
    return Object.assign({}, item, {score: best});
  });
}

// Marks the words of `html` that a query word begins or shares its stem with. A stem begins with
// its word's first letter, so a word with another first letter is never stemmed: a query that
// matches every section of a large handbook marks them all in a fraction of the time.
function highlighter(words, stem) {
  var roots = words.map(stem);
  var initials = Object.create(null);
  words.concat(roots).forEach(function (word) { initials[word.charAt(0)] = true; });
  return function (html) {
    return html.replace(/(<[^>]*>|&[#\w]+;)|([\p{L}\p{N}]+)/gu, function (all, tag, word) {
      if (tag) return tag;
      var lower = word.toLowerCase();
      if (!initials[lower.charAt(0)]) return word;
      var hit = words.some(function (w, i) { return lower.indexOf(w) === 0 || stem(lower) === roots[i]; });
      return hit ? "<mark>" + word + "</mark>" : word;
    });
  };
}
