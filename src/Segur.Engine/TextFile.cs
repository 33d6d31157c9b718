namespace Segur.Engine;

/// <summary>Reads a user's text file, saying in French why it cannot be read (never the runtime's English).</summary>
public static class TextFile
{
    /// <summary>The text of <paramref name="path"/> (UTF-8); <paramref name="what"/> names it in messages (« fichier de réforme »).</summary>
    public static string Read(string path, string what)
    {
        if (Directory.Exists(path)) throw new SegurException($"{path} : est un dossier ; attendu un {what}");
        if (!File.Exists(path)) throw new SegurException($"{path} : {what} introuvable");
        try
        {
            return File.ReadAllText(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw new SegurException($"{path} : {what} illisible (accès refusé) ; vérifiez les droits du fichier");
        }
        catch (IOException)
        {
            throw new SegurException($"{path} : {what} illisible (erreur de lecture) ; vérifiez le fichier et le disque");
        }
    }
}
