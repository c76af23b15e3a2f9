"""What happened to something a resident said, for apps above the kernel (analysis, a future
embedding store) to follow without the apps that store it knowing who listens.

Each signal is sent with ``sender`` = the model class and ``contribution`` = a
`participation.values.Contribution`. Submitted and published are sent once the transaction
commits; erased is sent inside it, so a receiver that fails rolls the erasure back.
"""

from django.dispatch import Signal

# A comment or survey response was stored (from the website, staff intake or an import).
contribution_submitted = Signal()
# It became public (a comment approved or auto-published).
contribution_published = Signal()
# The resident's personal data was erased; `contribution.texts` holds the anonymised text.
contribution_erased = Signal()
# Votes on a consultation's statements were stored or changed (after commit); sent with
# ``consultation_key``, so the opinion groups can be recomputed in the background.
votes_changed = Signal()
