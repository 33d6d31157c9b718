-- POST /api/verifier: one month of an FPH nurse (the profile of docs/web.md).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"id": "@ID@", "employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante", "departement": "69"}, "emploi": {"profession": "infirmier", "statut": "titulaire", "quotite": 1}, "periode": {"debut": "2024-06", "fin": "2024-06"}}'
dofile(os.getenv("SEGUR_BENCH_DIR") .. "/statuts.lua")
