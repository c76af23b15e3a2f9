"""Text rules shared by the participation kernel and the analysis engine.

Pure Python (NumPy only where a signature is computed, imported on use), no Django and no
project app, so the engine stays a library and the web app applies exactly the same rules when a
resident's text arrives: normalisation and fingerprints (`normalise`), personal-data redaction
(`personal_data`) and near-duplicate MinHash signatures (`minhash`).
"""
