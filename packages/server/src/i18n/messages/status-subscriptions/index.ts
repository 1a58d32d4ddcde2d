import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import ptBR from './pt-BR.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };

/** Status subscriptions' server texts: the public subscribe pages, confirmation and notice emails, refusals. */
export default { en, 'pt-BR': ptBR, de, es, ru };
