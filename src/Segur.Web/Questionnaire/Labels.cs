namespace Segur.Web.Questionnaire;

/// <summary>French labels of the profile's coded values, for questions and explanations.</summary>
public static class Labels
{
    private static readonly Dictionary<string, Dictionary<string, string>> Values = new(StringComparer.Ordinal)
    {
        ["employeur.secteur"] = new()
        {
            ["public"] = "Un employeur public (hôpital public, collectivité, État, établissement public)",
            ["prive_non_lucratif"] = "Une association, une fondation ou une mutuelle (privé non lucratif)",
            ["prive_lucratif"] = "Une entreprise privée (clinique, EHPAD commercial…)",
            ["securite_sociale"] = "Un organisme de sécurité sociale (CAF, CPAM, CARSAT, URSSAF, MSA, UGECAM…)",
        },
        ["employeur.versant"] = new()
        {
            ["FPH"] = "Fonction publique hospitalière (hôpitaux, EHPAD et établissements médico-sociaux publics)",
            ["FPT"] = "Fonction publique territoriale (département, commune, CCAS…)",
            ["FPE"] = "Fonction publique de l'État (ministères, PJJ, services de l'État)",
        },
        ["employeur.organisme"] = new()
        {
            ["CAF"] = "CAF (caisse d'allocations familiales)", ["CPAM"] = "CPAM (caisse primaire d'assurance maladie)",
            ["CARSAT"] = "CARSAT", ["CRAMIF"] = "CRAMIF", ["CGSS"] = "CGSS (outre-mer)", ["URSSAF"] = "URSSAF",
            ["UGECAM"] = "UGECAM (établissements de l'assurance maladie)", ["CNAF"] = "CNAF", ["CNAM"] = "CNAM",
            ["CNAV"] = "CNAV", ["MSA"] = "MSA (mutualité sociale agricole)", ["autre"] = "Un autre organisme",
        },
        ["employeur.structure"] = new()
        {
            ["etablissement_public_sante"] = "Hôpital public, CHU, centre hospitalier",
            ["etablissement_sante_prive"] = "Clinique, hôpital privé ou ESPIC",
            ["gcs_gip_sanitaire"] = "Groupement de coopération sanitaire (GCS) ou GIP sanitaire",
            ["hopital_armees"] = "Hôpital des armées",
            ["ehpad"] = "EHPAD (maison de retraite médicalisée)",
            ["usld"] = "Unité de soins de longue durée (USLD)",
            ["residence_autonomie"] = "Résidence autonomie",
            ["accueil_jour"] = "Accueil de jour",
            ["ssiad"] = "Service de soins infirmiers à domicile (SSIAD)",
            ["spasad"] = "Service polyvalent d'aide et de soins à domicile (SPASAD)",
            ["saad"] = "Service d'aide à domicile (SAAD)",
            ["centre_sante"] = "Centre de santé",
            ["ime"] = "Institut médico-éducatif (IME)",
            ["itep"] = "Institut thérapeutique, éducatif et pédagogique (ITEP)",
            ["iem"] = "Institut d'éducation motrice (IEM)",
            ["eeap"] = "Établissement pour enfants polyhandicapés (EEAP)",
            ["sessad"] = "SESSAD",
            ["camsp"] = "CAMSP",
            ["cmpp"] = "CMPP",
            ["mas"] = "Maison d'accueil spécialisée (MAS)",
            ["fam"] = "Foyer d'accueil médicalisé (FAM)",
            ["foyer_vie"] = "Foyer de vie",
            ["foyer_hebergement"] = "Foyer d'hébergement",
            ["esat"] = "ESAT",
            ["savs"] = "SAVS",
            ["samsah"] = "SAMSAH",
            ["esrp_espo"] = "ESRP ou ESPO (réadaptation professionnelle)",
            ["mecs"] = "Maison d'enfants à caractère social (MECS)",
            ["foyer_enfance"] = "Foyer de l'enfance",
            ["pouponniere"] = "Pouponnière",
            ["centre_parental"] = "Centre parental",
            ["lieu_de_vie"] = "Lieu de vie et d'accueil",
            ["aemo_aed"] = "Service d'AEMO ou d'AED",
            ["pjj_etablissement"] = "Établissement ou service de la PJJ",
            ["spip"] = "SPIP (service pénitentiaire d'insertion et de probation)",
            ["chrs"] = "CHRS",
            ["cada_huda"] = "CADA ou HUDA (demandeurs d'asile)",
            ["lhss_lam_acts"] = "LHSS, LAM ou ACT",
            ["csapa_caarud"] = "CSAPA ou CAARUD",
            ["siao"] = "SIAO (115)",
            ["maraude_sans_abri"] = "Maraude, accueil de personnes sans abri",
            ["service_mjpm"] = "Service mandataire judiciaire à la protection des majeurs",
            ["pension_de_famille"] = "Pension de famille",
            ["habitat_inclusif"] = "Habitat inclusif",
            ["pmi"] = "PMI (protection maternelle et infantile)",
            ["ase_service_departemental"] = "Service départemental de l'aide sociale à l'enfance (ASE)",
            ["service_social_departemental"] = "Service social départemental",
            ["mdph"] = "MDPH",
            ["ccas_cias"] = "CCAS ou CIAS",
            ["centre_sante_sexuelle_vaccination"] = "Centre de santé sexuelle ou de vaccination",
            ["creche"] = "Crèche",
            ["centre_social"] = "Centre social",
            ["service_social_education_nationale"] = "Service social de l'Éducation nationale",
            ["organisme_securite_sociale"] = "Organisme de sécurité sociale (caisse, agence)",
            ["siege_association"] = "Siège d'association ou de groupement",
            ["autre"] = "Autre structure",
        },
        ["emploi.profession"] = new()
        {
            ["assistant_service_social"] = "Assistant(e) de service social", ["conseiller_technique_service_social"] = "Conseiller(ère) technique de service social",
            ["educateur_specialise"] = "Éducateur(rice) spécialisé(e)", ["moniteur_educateur"] = "Moniteur(rice)-éducateur(rice)",
            ["educateur_jeunes_enfants"] = "Éducateur(rice) de jeunes enfants", ["conseiller_economie_sociale_familiale"] = "Conseiller(ère) en économie sociale et familiale",
            ["educateur_technique_specialise"] = "Éducateur(rice) technique spécialisé(e)", ["educateur_technique"] = "Éducateur(rice) technique",
            ["encadrant_educatif_nuit"] = "Surveillant(e) ou encadrant(e) éducatif de nuit", ["moniteur_atelier"] = "Moniteur(rice) d'atelier",
            ["accompagnant_educatif_social"] = "Accompagnant(e) éducatif et social (AES)", ["aide_medico_psychologique"] = "Aide médico-psychologique (AMP)",
            ["auxiliaire_vie_sociale"] = "Auxiliaire de vie sociale", ["aide_domicile"] = "Aide à domicile",
            ["technicien_intervention_sociale_familiale"] = "Technicien(ne) de l'intervention sociale et familiale (TISF)",
            ["mandataire_judiciaire_protection_majeurs"] = "Mandataire judiciaire à la protection des majeurs", ["delegue_prestations_familiales"] = "Délégué(e) aux prestations familiales",
            ["assistant_tutelaire"] = "Assistant(e) tutélaire", ["mediateur_familial"] = "Médiateur(rice) familial(e)",
            ["conseiller_insertion"] = "Conseiller(ère) en insertion", ["conseiller_penitentiaire_insertion_probation"] = "Conseiller(ère) pénitentiaire d'insertion et de probation",
            ["educateur_pjj"] = "Éducateur(rice) de la PJJ", ["intervenant_social_commissariat"] = "Intervenant(e) social(e) en commissariat ou gendarmerie",
            ["ecoutant_115"] = "Écoutant(e) du 115", ["animateur"] = "Animateur(rice)", ["adjoint_animation"] = "Adjoint(e) d'animation",
            ["agent_social"] = "Agent(e) social(e)", ["assistant_familial"] = "Assistant(e) familial(e)", ["assistant_maternel"] = "Assistant(e) maternel(le)",
            ["psychologue"] = "Psychologue", ["cadre_socio_educatif"] = "Cadre socio-éducatif", ["chef_service_socio_educatif"] = "Chef(fe) de service socio-éducatif",
            ["maitre_maison"] = "Maître(sse) de maison", ["infirmier"] = "Infirmier(ère)", ["aide_soignant"] = "Aide-soignant(e)",
            ["auxiliaire_puericulture"] = "Auxiliaire de puériculture", ["sage_femme"] = "Sage-femme", ["puericultrice"] = "Puériculteur(rice)",
            ["medecin"] = "Médecin", ["medecin_coordonnateur"] = "Médecin coordonnateur", ["pharmacien"] = "Pharmacien(ne)",
            ["chirurgien_dentiste"] = "Chirurgien(ne)-dentiste", ["kinesitherapeute"] = "Masseur(se)-kinésithérapeute", ["ergotherapeute"] = "Ergothérapeute",
            ["psychomotricien"] = "Psychomotricien(ne)", ["orthophoniste"] = "Orthophoniste", ["dieteticien"] = "Diététicien(ne)",
            ["agent_service_hospitalier"] = "Agent(e) de service hospitalier (ASH)", ["preparateur_pharmacie"] = "Préparateur(rice) en pharmacie",
            ["manipulateur_radio"] = "Manipulateur(rice) en électroradiologie", ["secretaire_administratif"] = "Secrétaire, secrétaire administratif(ve)",
            ["adjoint_administratif"] = "Adjoint(e) administratif(ve)", ["comptable"] = "Comptable", ["agent_accueil"] = "Agent(e) d'accueil",
            ["agent_entretien"] = "Agent(e) d'entretien", ["cuisinier"] = "Cuisinier(ère)", ["lingere"] = "Lingère, lingerie",
            ["agent_technique"] = "Agent(e) technique", ["ouvrier"] = "Ouvrier(ère)", ["chauffeur"] = "Chauffeur",
            ["directeur"] = "Directeur(rice)", ["cadre_administratif"] = "Cadre administratif", ["enseignant"] = "Enseignant(e)", ["autre"] = "Autre métier",
            ["cadre_sante"] = "Cadre de santé", ["pedicure_podologue"] = "Pédicure-podologue", ["orthoptiste"] = "Orthoptiste",
            ["audioprothesiste"] = "Audioprothésiste", ["adjoint_technique_justice"] = "Adjoint(e) technique du ministère de la justice",
            ["cadre_educatif_pjj"] = "Cadre éducatif de la PJJ", ["surveillant_penitentiaire"] = "Surveillant(e) pénitentiaire",
        },
        ["emploi.statut"] = new()
        {
            ["titulaire"] = "Fonctionnaire titulaire", ["stagiaire"] = "Fonctionnaire stagiaire",
            ["contractuel_droit_public"] = "Contractuel(le) de droit public", ["contractuel_droit_prive"] = "Contractuel(le) de droit privé (contrat aidé, etc. chez un employeur public)",
            ["militaire"] = "Militaire", ["ouvrier_etat"] = "Ouvrier(ère) de l'État", ["salarie"] = "Salarié(e) (CDI ou CDD de droit privé)",
            ["interimaire"] = "Intérimaire", ["apprenti"] = "Apprenti(e)", ["contrat_professionnalisation"] = "Contrat de professionnalisation",
            ["contrat_aide"] = "Contrat aidé", ["independant"] = "Indépendant(e), libéral(e)", ["mis_a_disposition"] = "Mis(e) à disposition", ["praticien_hospitalier"] = "Praticien hospitalier titulaire",
        },
    };

    /// <summary>The question asked for each field (title, then an optional hint).</summary>
    public static readonly Dictionary<string, (string Question, string? Hint)> Questions = new(StringComparer.Ordinal)
    {
        ["employeur.secteur"] = ("Qui est votre employeur ?", null),
        ["employeur.structure"] = ("Dans quel type de structure travaillez-vous ?", "Le lieu où vous exercez, pas le siège de votre employeur."),
        ["emploi.profession"] = ("Quel est votre métier ?", "Ou le corps ou cadre d'emplois équivalent dans la fonction publique."),
        ["employeur.versant"] = ("De quelle fonction publique relevez-vous ?", null),
        ["employeur.organisme"] = ("Quel organisme de sécurité sociale vous emploie ?", null),
        ["emploi.statut"] = ("Quel est votre statut ?", null),
        ["employeur.idcc"] = ("Quelle convention collective votre employeur applique-t-il ?", "Le code IDCC figure sur votre bulletin de paie (ex. 29 : CCN 51 ; 413 : CCN 66 ; 2941 : aide à domicile ; 218 : sécurité sociale)."),
        ["employeur.champ_bass"] = ("Votre employeur relève-t-il de la branche sanitaire, sociale et médico-sociale privée non lucrative (BASS) ?", "Y compris une association qui n'applique aucune convention collective."),
        ["employeur.adherent_axess"] = ("Votre employeur adhère-t-il à une organisation signataire (FEHAP, Nexem, Croix-Rouge, Unicancer) ?", null),
        ["employeur.rattachement_eps_ou_ehpad"] = ("Votre structure est-elle rattachée à un hôpital public ou à un établissement public gérant des EHPAD ?", "Répondez oui pour un EHPAD public."),
        ["employeur.financement_assurance_maladie"] = ("Votre structure est-elle financée, même en partie, par l'assurance maladie ?", null),
        ["employeur.deliberation_prime_revalorisation"] = ("Votre collectivité a-t-elle institué la prime de revalorisation de 2022 (décret n° 2022-728) ?", null),
        ["employeur.deliberation_prime_medecins"] = ("Votre collectivité a-t-elle institué la prime de 517 € des médecins (décrets n° 2022-717 et 2022-728) ?", "Délibération distincte de celle sur la prime socio-éducative."),
        ["emploi.fonctions_socio_educatives_principales"] = ("Exercez-vous principalement des fonctions d'accompagnement socio-éducatif ?", null),
        ["emploi.quotite"] = ("Quel est votre temps de travail ?", null),
        ["emploi.temps_partiel"] = ("S'agit-il d'un temps partiel (sur autorisation ou de droit) ?", "Répondez non pour un poste à temps non complet."),
    };

    public static string Value(string field, string? value)
    {
        if (value is null) return "non renseigné";
        if (Values.TryGetValue(field, out var d) && d.TryGetValue(value, out var label)) return label;
        return value switch
        {
            "true" => "oui",
            "false" => "non",
            _ => value.Replace('_', ' '),
        };
    }

    public static string Field(string field) => field switch
    {
        "employeur.secteur" => "employeur",
        "employeur.versant" => "fonction publique",
        "employeur.organisme" => "organisme",
        "employeur.structure" => "structure",
        "employeur.idcc" => "convention collective (IDCC)",
        "employeur.champ_bass" => "champ de la BASS",
        "employeur.adherent_axess" => "adhérent d'une organisation signataire",
        "employeur.rattachement_eps_ou_ehpad" => "rattachement à un hôpital ou à un gestionnaire d'EHPAD public",
        "employeur.financement_assurance_maladie" => "financement par l'assurance maladie",
        "employeur.deliberation_prime_revalorisation" => "délibération instituant la prime de 2022",
        "employeur.deliberation_prime_medecins" => "délibération instituant la prime des médecins",
        "emploi.profession" => "métier",
        "emploi.statut" => "statut",
        "emploi.fonctions_socio_educatives_principales" => "fonctions socio-éducatives principales",
        "emploi.quotite" => "temps de travail",
        "emploi.temps_partiel" => "temps partiel",
        _ => field,
    };
}
