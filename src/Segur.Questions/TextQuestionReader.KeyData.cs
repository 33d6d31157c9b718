using System.Globalization;

namespace Segur.Questions;

/// <summary>The key data of a text page (« Libellé : valeur » or « Libellé > valeur »), their dates and events.</summary>
internal static partial class TextQuestionReader
{
    /// <summary>One « Libellé : valeur » line of the key data; returns the index of the last line used.</summary>
    private static int KeyData(State s, string[] lines, int i, string clean)
    {
        s.KeyDataSeen = true;
        var line = i + 1;
        var m = LabelLine().Match(clean);
        if (!m.Success)
        {
            if (Layouts.EventLines.FirstOrDefault(e => FrenchText.Fold(clean).StartsWith(e.Start, StringComparison.Ordinal)) is { Start: not null } ev)
            {
                AddEvent(s, ev.Label, clean[ev.Start.Length..], line);
                return i;
            }
            if (s.Events.Count > 0 && s.Events[^1].Detail is null && s.LastKeyWasEvent && clean.Length <= 60)
            {
                // « Date de clôture : 21 juin 2022 » then « Fin de mandat »: the reason, on its own line.
                s.Events[^1] = s.Events[^1] with { Detail = clean };
                return i;
            }
            s.Problems.Add($"ligne {line} : « {Shorten(clean)} » illisible dans les données clés ; attendu « Libellé : valeur » (ex. « Rubrique : Professions et activités sociales »)");
            return i;
        }
        s.LastKeyWasEvent = false;
        var label = m.Groups["label"].Value.Trim();
        var value = m.Groups["value"].Value.Trim();
        if (value.Length == 0)
        {
            // The value may sit on the next non-empty line.
            var j = i + 1;
            while (j < lines.Length && Clean(lines[j]).Length == 0) j++;
            if (j < lines.Length && !LabelLine().IsMatch(Clean(lines[j])))
            {
                value = Clean(lines[j]);
                i = j;
            }
        }
        var key = FrenchText.Fold(label);
        if (key == "date" && FrenchText.Fold(value).StartsWith("question publiee le", StringComparison.Ordinal))
        {
            key = "question publiee le";
            value = value["Question publiée le".Length..].Trim();
        }
        else if (key == "date" && FrenchText.Fold(value).StartsWith("reponse publiee le", StringComparison.Ordinal))
        {
            key = "reponse publiee le";
            value = value["Réponse publiée le".Length..].Trim();
        }
        switch (key)
        {
            case "auteur":
                Once(s, key, line, label, () => s.Author = value);
                break;
            case "circonscription":
                Once(s, key, line, label, () => { s.ConstituencyLine = value; s.ConstituencyLineNumber = line; });
                break;
            case "type de question":
                Once(s, key, line, label, () =>
                {
                    var t = TypeOf(FrenchText.Fold(value).Replace("question ", ""));
                    if (t is null) s.Problems.Add($"ligne {line} : type de question « {value} » inconnu ; attendu Question écrite, Question orale sans débat ou Question au Gouvernement");
                    s.DataType = t;
                });
                break;
            case "numero de la question":
                Once(s, key, line, label, () =>
                {
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) s.DataNumber = n;
                    else s.Problems.Add($"ligne {line} : numéro de la question « {value} » illisible ; attendu un nombre entier");
                });
                break;
            case "rubrique":
                Once(s, key, line, label, () => s.Rubrique = value);
                break;
            case "ministere interroge":
                Once(s, key, line, label, () => s.MinistryAsked = value);
                break;
            case "ministere attributaire" or "ministere repondant":
                Once(s, "ministere attributaire", line, label, () => s.MinistryAssigned = value);
                break;
            case "question publiee au jo le" or "question publiee le":
                Once(s, "question publiee", line, label, () => SetDate(s, value, line, answer: false, label));
                break;
            case "reponse publiee au jo le" or "reponse publiee le":
                Once(s, "reponse publiee", line, label, () => SetDate(s, value, line, answer: true, label));
                break;
            case "date de changement d'attribution":
                AddEvent(s, "Changement d'attribution", value, line);
                break;
            case "date de signalement":
                AddEvent(s, "Question signalée", value, line);
                break;
            case "date de renouvellement":
                AddEvent(s, "Question renouvelée", value, line);
                break;
            case "question retiree le":
                AddEvent(s, "Question retirée", value, line);
                break;
            case "question caduque le" or "date de caducite":
                AddEvent(s, "Question caduque", value, line);
                break;
            case "question signalee le":
                AddEvent(s, "Question signalée", value, line);
                break;
            case "tete d'analyse":
                s.Other.Add(KeyValuePair.Create(label, value));
                s.Analysis ??= value;
                break;
            case "analyse":
                Once(s, key, line, label, () => s.Analysis = value);
                break;
            case "date de cloture":
                AddEvent(s, "Question close", value, line);
                break;
            default:
                if (value.Length == 0)
                    s.Problems.Add($"ligne {line} : « {label} » sans valeur dans les données clés ; attendu « {label} : valeur »");
                else s.Other.Add(KeyValuePair.Create(label, value));
                break;
        }
        return i;
    }

    private static void Once(State s, string key, int line, string label, Action set)
    {
        if (s.Seen.TryGetValue(key, out var first))
        {
            s.Problems.Add($"ligne {line} : « {label} » en double (déjà donné ligne {first}) ; attendu une seule valeur");
            return;
        }
        s.Seen[key] = line;
        set();
    }

    private static void SetDate(State s, string value, int line, bool answer, string label)
    {
        if (answer) s.AnswerDateSeen = true; else s.QuestionDateSeen = true;
        var what = answer ? "réponse" : "question";
        if (value.Length == 0)
        {
            s.Problems.Add($"ligne {line} : « {label} » sans date ; attendu « {label} : j mois aaaa, page n » ou « jj/mm/aaaa page : n »");
            return;
        }
        if (!FrenchText.TryParseDate(value, out var date, out var error))
        {
            s.Problems.Add(error is null
                ? $"ligne {line} : date de publication de la {what} illisible (« {Shorten(value)} ») ; attendu « j mois aaaa, page n » ou « jj/mm/aaaa page : n »"
                : $"ligne {line} : {error} pour la publication de la {what}");
            return;
        }
        int? page = null;
        var folded = FrenchText.Fold(value);
        if (folded.Contains("page", StringComparison.Ordinal))
        {
            var pm = PagePart().Match(folded);
            if (pm.Success) page = int.Parse(pm.Groups[1].Value, CultureInfo.InvariantCulture);
            else s.Problems.Add($"ligne {line} : page du Journal officiel illisible dans « {Shorten(value)} » ; attendu « page n » (n, un nombre entier)");
        }
        if (answer) { s.AnswerDate = date; s.AnswerPage = page; }
        else { s.QuestionDate = date; s.QuestionPage = page; }
    }

    private static void AddEvent(State s, string label, string value, int line)
    {
        var v = value.Trim().TrimStart(':').Trim();
        if (!FrenchText.TryParseDate(v, out var d, out var error))
        {
            s.Problems.Add($"ligne {line} : {(error ?? $"date illisible (« {Shorten(v)} »)")} pour « {label} » ; attendu une date « 22 novembre 2022 » ou « 22/11/2022 »");
            return;
        }
        var detail = DetailAfterDate().Match(v);
        var text = detail.Success ? (detail.Groups[1].Success ? detail.Groups[1].Value : detail.Groups[2].Value).Trim() : "";
        s.Events.Add(new QuestionEvent(label, d, text.Length == 0 ? null : text));
        s.LastKeyWasEvent = true;
    }

    private static string? TypeOf(string folded) => folded.Trim() switch
    {
        "ecrite" => "QE",
        "orale sans debat" or "orale" => "QOSD",
        "au gouvernement" => "QG",
        _ => null,
    };
}
