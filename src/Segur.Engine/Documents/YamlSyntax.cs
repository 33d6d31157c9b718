using YamlDotNet.Core;

namespace Segur.Engine.Documents;

/// <summary>
/// French for the syntax errors of the YAML parser. The parser's own (English) text never reaches a user:
/// a message is recognised and said in French, or replaced by a general French hint; the line and column
/// of the error, which the caller prints, say where to look.
/// </summary>
public static class YamlSyntax
{
    private static readonly (string English, string French)[] Known =
    [
        ("found invalid mapping", "deux-points inattendu dans une valeur ; mettez la valeur entre guillemets, ou vérifiez l'indentation"),
        ("mapping values are not allowed", "deux-points inattendu dans une valeur ; mettez la valeur entre guillemets, ou vérifiez l'indentation"),
        ("did not find expected '-' indicator", "tiret « - » attendu : les éléments d'une liste commencent tous par « - », à la même indentation"),
        ("did not find expected ',' or ']'", "« , » ou « ] » attendu : crochet de liste non fermé ?"),
        ("did not find expected ',' or '}'", "« , » ou « } » attendu : accolade d'objet non fermée ?"),
        ("did not find expected key", "clé attendue (« nom: valeur ») : vérifiez l'indentation"),
        ("did not find expected node content", "valeur attendue après « : » ou « - »"),
        ("found unexpected end of stream", "fin de fichier inattendue : guillemet, crochet ou accolade non fermé ?"),
        ("found unknown escape character", "séquence « \\ » inconnue dans un texte entre guillemets doubles ; doublez la barre (\\\\) ou utilisez des guillemets simples"),
        ("found a tab character", "tabulation dans l'indentation ; indentez avec des espaces"),
        ("cannot start any token", "caractère qui ne peut pas commencer une valeur (tabulation, @, `, %) ; mettez la valeur entre guillemets"),
        ("did not find expected comment or line break", "texte inattendu en fin de ligne ; mettez la valeur entre guillemets"),
        ("did not find URI escaped octet", "étiquette YAML mal écrite"),
        ("found undefined", "alias YAML (« * ») non défini"),
        ("while scanning an anchor", "ancre ou alias YAML mal écrit (« & » ou « * ») ; mettez la valeur entre guillemets"),
        ("while scanning an alias", "ancre ou alias YAML mal écrit (« & » ou « * ») ; mettez la valeur entre guillemets"),
        ("while scanning a tag", "étiquette YAML mal écrite (« ! ») ; mettez la valeur entre guillemets"),
        ("found incompatible YAML document", "version de YAML non prise en charge (directive %YAML)"),
        ("directive", "directive YAML (« % ») non prise en charge"),
        ("while scanning a simple key", "clé mal formée : une clé tient sur une ligne et se termine par « : »"),
        ("while scanning a block scalar", "bloc de texte (« | » ou « > ») mal formé : vérifiez son indentation"),
        ("while scanning a quoted scalar", "texte entre guillemets mal formé : guillemet non fermé ?"),
        ("while parsing a block mapping", "objet mal formé : vérifiez l'indentation des clés"),
        ("while parsing a block collection", "liste mal formée : vérifiez l'indentation et les « - »"),
        ("while parsing a flow", "liste ou objet entre crochets ou accolades mal formé : vérifiez les virgules et la fermeture"),
        ("while parsing a node", "valeur mal formée : mettez-la entre guillemets"),
        ("duplicate key", "clé en double dans le même objet ; attendu chaque clé une seule fois"),
        ("anchor", "ancre ou alias YAML (« & » ou « * ») non accepté"),
    ];

    /// <summary>The French message for a YAML syntax error (YamlDotNet's English text never reaches a user).</summary>
    public static string Translate(YamlException e)
    {
        var m = e.Message;
        foreach (var (english, french) in Known)
        {
            if (m.Contains(english, StringComparison.OrdinalIgnoreCase)) return "YAML invalide : " + french;
        }
        return "YAML invalide ; vérifiez l'indentation, les deux-points, les guillemets et les crochets";
    }
}
