using Segur.Engine.Documents;

namespace Segur.Engine.Law;

public static partial class LegislationLoader
{
    /// <summary>
    /// The typed documents of the law, before their values are checked; a reform amends them in place.
    /// Each file is read by the shared <see cref="DocumentReader"/> against the schema of its folder.
    /// </summary>
    internal sealed class Documents
    {
        public ManifestDto? Manifest { get; private set; }
        public string ManifestFile { get; private set; } = "";
        public LabelsFileDto? Labels { get; private set; }
        public string LabelsFile { get; private set; } = "";
        public List<(string File, CatalogueDto Dto)> Catalogues { get; } = [];
        public List<(string File, ListDto Dto)> Lists { get; } = [];
        public List<(string File, ParameterDto Dto)> Parameters { get; } = [];
        public List<(string File, MeasureDto Dto)> Measures { get; } = [];
        public List<(string File, ExclusionDto Dto)> Exclusions { get; } = [];
        public List<(string File, UncertaintyDto Dto)> Uncertainties { get; } = [];
        public List<(string File, ImplicationDto Dto)> Implications { get; } = [];
        public List<(string File, InformationDto Dto)> Informations { get; } = [];
        public List<(string File, ProrationSchemeDto Dto)> Schemes { get; } = [];
        public List<(string File, EstimationsFileDto Dto)> Estimations { get; } = [];

        /// <summary>
        /// Reads every law file of <paramref name="files"/>; syntax and shape errors of all files go to
        /// <paramref name="errors"/>, so that a lawyer sees them in one pass.
        /// </summary>
        public static Documents Read(ILegislationSource source, IEnumerable<LegislationFile> files, List<string> errors)
        {
            var docs = new Documents();
            var reader = DocumentReader.Shared;
            foreach (var f in files)
            {
                var name = source.DisplayName(f.Path);
                T? Read<T>(DocumentKind kind) where T : class, new() => reader.TryRead<T>(f.Text, name, kind, errors);
                switch (Folder(f.Path))
                {
                    case "legislation.yaml":
                        docs.Manifest = Read<ManifestDto>(DocumentKind.Manifest);
                        docs.ManifestFile = name;
                        break;
                    case "libelles.yaml":
                        docs.Labels = Read<LabelsFileDto>(DocumentKind.Labels);
                        docs.LabelsFile = name;
                        break;
                    case "references":
                        if (Read<CatalogueDto>(DocumentKind.Texts) is { } c) docs.Catalogues.Add((name, c));
                        break;
                    case "lists/":
                        docs.Lists.AddRange((Read<ListsFileDto>(DocumentKind.Lists)?.Lists ?? []).Select(d => (name, d)));
                        break;
                    case "parameters/":
                        docs.Parameters.AddRange((Read<ParametersFileDto>(DocumentKind.Parameters)?.Parameters ?? []).Select(d => (name, d)));
                        break;
                    case "measures/":
                        if (Read<MeasureDto>(DocumentKind.Measure) is { } m) docs.Measures.Add((name, m));
                        break;
                    case "exclusions/":
                        docs.Exclusions.AddRange((Read<ExclusionsFileDto>(DocumentKind.Exclusions)?.Exclusions ?? []).Select(d => (name, d)));
                        break;
                    case "incertitudes/":
                        docs.Uncertainties.AddRange((Read<UncertaintiesFileDto>(DocumentKind.Uncertainties)?.Uncertainties ?? []).Select(d => (name, d)));
                        break;
                    case "proratisations/":
                        if (Read<ProrationSchemeDto>(DocumentKind.ProrationScheme) is { } p) docs.Schemes.Add((name, p));
                        break;
                    case "estimations/":
                        if (Read<EstimationsFileDto>(DocumentKind.Estimations) is { } e) docs.Estimations.Add((name, e));
                        break;
                    case "informations/":
                        docs.Informations.AddRange((Read<InformationsFileDto>(DocumentKind.Informations)?.Informations ?? []).Select(d => (name, d)));
                        break;
                    case "implications/":
                        docs.Implications.AddRange((Read<ImplicationsFileDto>(DocumentKind.Implications)?.Implications ?? []).Select(d => (name, d)));
                        break;
                }
            }
            return docs;
        }

        /// <summary>The kind of a law file by its place: its folder, or the root file it is.</summary>
        private static string? Folder(string path)
        {
            if (!path.EndsWith(".yaml", StringComparison.Ordinal)) return null;
            if (path is "legislation.yaml" or "libelles.yaml") return path;
            if (!path.Contains('/')) return path.StartsWith("references", StringComparison.Ordinal) ? "references" : null;
            var folder = path[..(path.IndexOf('/') + 1)];
            return LawFolders.Contains(folder) && folder != "reforms/" ? folder : null;
        }
    }
}
